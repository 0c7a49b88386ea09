/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LS_TYPE_CASE_SUMMARY (ls_case_summary_get_type ())

G_DECLARE_FINAL_TYPE (LsCaseSummary, ls_case_summary, LS, CASE_SUMMARY, GObject)

/* clang-format off */
LsCaseSummary *ls_case_summary_new            (const char    *uuid,
                                               const char    *regno,
                                               const char    *status,
                                               const char    *unit,
                                               const char    *kind,
                                               const char    *title,
                                               const char    *received_at,
                                               const char    *next_deadline,
                                               const char    *updated_at);
gboolean    ls_case_summary_equal             (LsCaseSummary *a,
                                               LsCaseSummary *b);
const char *ls_case_summary_get_uuid          (LsCaseSummary *self);
const char *ls_case_summary_get_regno         (LsCaseSummary *self);
const char *ls_case_summary_get_status        (LsCaseSummary *self);
const char *ls_case_summary_get_unit          (LsCaseSummary *self);
const char *ls_case_summary_get_kind          (LsCaseSummary *self);
const char *ls_case_summary_get_title         (LsCaseSummary *self);
const char *ls_case_summary_get_received_at   (LsCaseSummary *self);
const char *ls_case_summary_get_next_deadline (LsCaseSummary *self);
const char *ls_case_summary_get_updated_at    (LsCaseSummary *self);
/* clang-format on */

G_END_DECLS
