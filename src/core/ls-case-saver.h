/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_CASE_SAVER (ls_case_saver_get_type ())

G_DECLARE_FINAL_TYPE (LsCaseSaver, ls_case_saver, LS, CASE_SAVER, GObject)

/* clang-format off */
LsCaseSaver *ls_case_saver_new        (LsStore     *store,
                                       LsOrganisation *organisation,
                                       const char  *author);
void         ls_case_saver_set_case   (LsCaseSaver *self,
                                       LsCase      *lcase,
                                       gboolean     stored);
gboolean     ls_case_saver_save       (LsCaseSaver *self,
                                       char       **bad_path,
                                       GError     **error);
gboolean     ls_case_saver_get_saved  (LsCaseSaver *self);
gboolean     ls_case_saver_get_busy   (LsCaseSaver *self);
void         ls_case_saver_cancel     (LsCaseSaver *self);
void         ls_case_saver_set_why    (LsCaseSaver *self,
                                       const char  *why);
/* clang-format on */

G_END_DECLS
