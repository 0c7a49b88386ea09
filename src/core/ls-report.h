/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_REPORT (ls_report_get_type ())

G_DECLARE_FINAL_TYPE (LsReport, ls_report, LS, REPORT, GObject)

/* clang-format off */
LsReport          *ls_report_new                   (void);
LsCaseKind         ls_report_get_kind              (LsReport *self);
void               ls_report_set_kind              (LsReport   *self,
                                                    LsCaseKind  kind);
const char        *ls_report_get_category          (LsReport *self);
void               ls_report_set_category          (LsReport   *self,
                                                    const char *category);
const char        *ls_report_get_received_at       (LsReport *self);
void               ls_report_set_received_at       (LsReport   *self,
                                                    const char *received_at);
LsReceivedHow      ls_report_get_received_how      (LsReport *self);
void               ls_report_set_received_how      (LsReport      *self,
                                                    LsReceivedHow  received_how);
const char        *ls_report_get_received_by       (LsReport *self);
void               ls_report_set_received_by       (LsReport   *self,
                                                    const char *received_by);
const char        *ls_report_get_reporter_name     (LsReport *self);
void               ls_report_set_reporter_name     (LsReport   *self,
                                                    const char *reporter_name);
LsReporterCategory ls_report_get_reporter_category (LsReport *self);
void               ls_report_set_reporter_category (LsReport           *self,
                                                    LsReporterCategory  reporter_category);
const char        *ls_report_get_occurred_at       (LsReport *self);
void               ls_report_set_occurred_at       (LsReport   *self,
                                                    const char *occurred_at);
gboolean           ls_report_get_occurred_unknown  (LsReport *self);
void               ls_report_set_occurred_unknown  (LsReport *self,
                                                    gboolean  occurred_unknown);
const char        *ls_report_get_noticed_at        (LsReport *self);
void               ls_report_set_noticed_at        (LsReport   *self,
                                                    const char *noticed_at);
const char        *ls_report_get_noticed_how       (LsReport *self);
void               ls_report_set_noticed_how       (LsReport   *self,
                                                    const char *noticed_how);
const char        *ls_report_get_description       (LsReport *self);
void               ls_report_set_description       (LsReport   *self,
                                                    const char *description);
const char        *ls_report_get_consequences      (LsReport *self);
void               ls_report_set_consequences      (LsReport   *self,
                                                    const char *consequences);
GListStore        *ls_report_get_individuals       (LsReport *self);
GListStore        *ls_report_get_immediate_actions (LsReport *self);
/* clang-format on */

G_END_DECLS
