/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-digest.h"
#include "ls-form-document.h"

G_BEGIN_DECLS

/* clang-format off */
LsFormDocument *ls_digest_document_build (LsDigest *digest);
/* clang-format on */

G_END_DECLS
