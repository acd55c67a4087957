// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The temporary file of a save (AtomicFileWrite, or any file written whole and renamed into
// place), the durable rename that ends the save, and the clean-up of the temporaries that
// killed saves left behind.
//
// Name: TARGET.tmp-WWWWWWWW-PID-RRRRRR in the target's folder. WWWWWWWW (8 hex digits)
// names where the writing process lives: a hash of the kernel's boot id and of the PID
// namespace, so that PID means something only to a reader that shares both. RRRRRR is
// random (six digits), so names cannot be guessed in advance.
//
// Rule for "stale" (safe to remove), applied to names of exactly this form for exactly
// this target: the writer tag is ours (same boot, same PID namespace) and no process with
// that PID exists (kill(PID, 0) fails with ESRCH). A live writer's temporary is never
// removed, because its PID exists while it writes. A temporary of another machine or
// container (sharing the folder over NFS or a bind mount) is left alone: we cannot see
// its processes. A reused PID only keeps a stale file a little longer (until that
// process ends), which is harmless.
// Names of the form before this change (TARGET.tmp-N, N of one to six digits, no PID)
// are removed when older than an hour; no save takes that long.
#include <cstddef>
#include <string>

namespace starlocus::core {

// A fresh temporary path for a save to `target` (not yet created).
std::string temporaryPathFor(const std::string& target);

// Removes the stale temporaries of earlier saves to `target` (the rule above); returns
// how many. Never throws: a folder it cannot read is left as it is.
std::size_t removeStaleTemporaries(const std::string& target);

// The end of every save, once the temporary file is written and closed: fsync it, check
// the target is still replaceable (output_path.h), rename it over the target, fsync the
// folder. Without the two fsyncs a crash of the machine soon after a save could leave the
// new name pointing at data that never reached the disk. InputError naming `target` on
// failure; the temporary is removed when it could not be moved into place.
void replaceWithTemporary(const std::string& temporary, const std::string& target);

} // namespace starlocus::core
