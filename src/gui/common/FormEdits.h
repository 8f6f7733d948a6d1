// SPDX-License-Identifier: MIT
// What a parent changed in a form, field by field, for the core's field-level saves
// (attune/core/RecordHistory.h). A form does not give back exactly what it was given: an
// editable combo box trims, a text box turns "\r\n" into "\n", a NUL or stray byte is lost.
// So a field counts as the parent's change only when the form now differs from what the same
// form showed right after loading; every other field keeps its loaded value byte for byte.
#pragma once

namespace attune::gui {

// `loaded`: the record as read from the core; `shown`: the form's values right after it was
// filled with `loaded`; `now`: the form's values at saving. `fields` are pointers to the
// draft's members that the form edits (others always keep their loaded value).
template <typename Draft, typename... Fields>
Draft touchedOnly(const Draft& loaded, const Draft& shown, const Draft& now, Fields... fields)
{
    Draft edited = loaded;
    ((edited.*fields = now.*fields == shown.*fields ? loaded.*fields : now.*fields), ...);
    return edited;
}

} // namespace attune::gui
