// SPDX-License-Identifier: MIT
#include "ExitCodes.h"

#include "attune/core/Errors.h"
#include "attune/core/OutputPath.h"

namespace attune::cli {

int exitCodeFor(const core::StorageError& error)
{
    using Reason = core::OutputPathError::Reason;
    if (const auto* path = dynamic_cast<const core::OutputPathError*>(&error)) {
        switch (path->reason()) {
        case Reason::AttuneFile: return kExitAttuneFile;
        case Reason::Exists: return kExitAlreadyThere;
        case Reason::WrongPlace: return kExitWrongPlace;
        case Reason::ReadOnly: return kExitReadOnly;
        }
    }
    switch (error.kind()) {
    case core::StorageError::Kind::ReadOnly: return kExitReadOnly;
    case core::StorageError::Kind::DiskFull: return kExitDiskFull;
    case core::StorageError::Kind::InUse: return kExitInUse;
    default: return kExitFailed;
    }
}

} // namespace attune::cli
