/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_INVESTIGATION (ls_investigation_get_type ())

G_DECLARE_FINAL_TYPE (
    LsInvestigation, ls_investigation, LS, INVESTIGATION, GObject)

/* clang-format off */
LsInvestigation    *ls_investigation_new                     (void);
const char         *ls_investigation_get_started_on          (LsInvestigation *self);
void                ls_investigation_set_started_on          (LsInvestigation *self,
                                                              const char      *started_on);
GListStore         *ls_investigation_get_investigators       (LsInvestigation *self);
GListStore         *ls_investigation_get_journal             (LsInvestigation *self);
GListStore         *ls_investigation_get_causes              (LsInvestigation *self);
LsSimilarBefore     ls_investigation_get_similar_before      (LsInvestigation *self);
void                ls_investigation_set_similar_before      (LsInvestigation *self,
                                                              LsSimilarBefore  similar_before);
const char         *ls_investigation_get_similar_explanation (LsInvestigation *self);
void                ls_investigation_set_similar_explanation (LsInvestigation *self,
                                                              const char      *similar_explanation);
const char * const *ls_investigation_get_linked_cases        (LsInvestigation *self);
void                ls_investigation_set_linked_cases        (LsInvestigation    *self,
                                                              const char * const *linked_cases);
const char         *ls_investigation_get_recurrence          (LsInvestigation *self);
void                ls_investigation_set_recurrence          (LsInvestigation *self,
                                                              const char      *recurrence);
GListStore         *ls_investigation_get_remedial_actions    (LsInvestigation *self);
GListStore         *ls_investigation_get_preventive_actions  (LsInvestigation *self);
const char         *ls_investigation_get_other_findings      (LsInvestigation *self);
void                ls_investigation_set_other_findings      (LsInvestigation *self,
                                                              const char      *other_findings);
const char         *ls_investigation_get_conclusion          (LsInvestigation *self);
void                ls_investigation_set_conclusion          (LsInvestigation *self,
                                                              const char      *conclusion);
const char         *ls_investigation_get_concluded_on        (LsInvestigation *self);
void                ls_investigation_set_concluded_on        (LsInvestigation *self,
                                                              const char      *concluded_on);
const char         *ls_investigation_get_decided_by          (LsInvestigation *self);
void                ls_investigation_set_decided_by          (LsInvestigation *self,
                                                              const char      *decided_by);
const char         *ls_investigation_get_decided_by_title    (LsInvestigation *self);
void                ls_investigation_set_decided_by_title    (LsInvestigation *self,
                                                              const char      *decided_by_title);
LsSeriousness       ls_investigation_get_seriousness         (LsInvestigation *self);
void                ls_investigation_set_seriousness         (LsInvestigation *self,
                                                              LsSeriousness    seriousness);
/* clang-format on */

G_END_DECLS
