// SPDX-License-Identifier: MIT
// Internal: content files of resources/content/ compiled into the core at build time
// (see ShippedContent.cpp.in and src/core/CMakeLists.txt), so the core and the CLI can
// check keys without reading resource files at run time. The files stay the one source.
#pragma once

#include <string_view>

namespace attune::core::detail {

// The text of `fileName` ("states.json", …) as it was when this build was configured;
// empty when that file is not compiled in.
std::string_view shippedContent(std::string_view fileName);

} // namespace attune::core::detail
