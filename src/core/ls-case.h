/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ls-enums.h"
#include "ls-investigation.h"
#include "ls-notification.h"
#include "ls-report.h"

G_BEGIN_DECLS

#define LS_TYPE_CASE (ls_case_get_type ())

G_DECLARE_FINAL_TYPE (LsCase, ls_case, LS, CASE, GObject)

/* clang-format off */
LsCase          *ls_case_new                 (void);
const char      *ls_case_get_uuid            (LsCase *self);
void             ls_case_set_uuid            (LsCase     *self,
                                              const char *uuid);
const char      *ls_case_get_regno           (LsCase *self);
void             ls_case_set_regno           (LsCase     *self,
                                              const char *regno);
const char      *ls_case_get_unit_id         (LsCase *self);
void             ls_case_set_unit_id         (LsCase     *self,
                                              const char *unit_id);
LsRegime         ls_case_get_regime          (LsCase *self);
void             ls_case_set_regime          (LsCase   *self,
                                              LsRegime  regime);
const char      *ls_case_get_created_at      (LsCase *self);
void             ls_case_set_created_at      (LsCase     *self,
                                              const char *created_at);
const char      *ls_case_get_lessons_learned (LsCase *self);
void             ls_case_set_lessons_learned (LsCase     *self,
                                              const char *lessons_learned);
LsReport        *ls_case_get_report          (LsCase *self);
GListStore      *ls_case_get_board_notices   (LsCase *self);
LsInvestigation *ls_case_get_investigation   (LsCase *self);
LsNotification  *ls_case_get_notification    (LsCase *self);
const char *const *ls_case_get_concerned     (LsCase *self);
void             ls_case_set_concerned       (LsCase            *self,
                                              const char *const *concerned);
GListStore      *ls_case_get_substitutions   (LsCase *self);
LsCase          *ls_case_new_from_json       (JsonObject  *json,
                                              const char  *path,
                                              GError     **error);
LsCase          *ls_case_new_from_document   (JsonObject  *json,
                                              const char  *path,
                                              GError     **error);
JsonObject      *ls_case_to_json             (LsCase *self);
LsCaseStatus     ls_case_get_status          (LsCase *self);
const char      *ls_case_get_next_deadline   (LsCase *self);
char            *ls_case_dup_title           (LsCase *self);
const char *ls_case_get_deciding_board (LsCase *self);
void ls_case_set_deciding_board (LsCase *self, const char *deciding_board);
gboolean ls_case_get_assistance_compensation (LsCase *self);
void ls_case_set_assistance_compensation (LsCase *self, gboolean assistance_compensation);
const char *ls_case_get_assistance_board (LsCase *self);
void ls_case_set_assistance_board (LsCase *self, const char *assistance_board);
/* clang-format on */

G_END_DECLS
