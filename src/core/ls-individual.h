/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_INDIVIDUAL (ls_individual_get_type ())

G_DECLARE_FINAL_TYPE (LsIndividual, ls_individual, LS, INDIVIDUAL, GObject)

/* clang-format off */
LsIndividual *ls_individual_new                 (void);
const char   *ls_individual_get_name            (LsIndividual *self);
void          ls_individual_set_name            (LsIndividual *self,
                                                 const char   *name);
const char   *ls_individual_get_personal_number (LsIndividual *self);
void          ls_individual_set_personal_number (LsIndividual *self,
                                                 const char   *personal_number);
const char   *ls_individual_get_informed_on     (LsIndividual *self);
void          ls_individual_set_informed_on     (LsIndividual *self,
                                                 const char   *informed_on);
const char   *ls_individual_get_informed_how    (LsIndividual *self);
void          ls_individual_set_informed_how    (LsIndividual *self,
                                                 const char   *informed_how);
const char *ls_individual_get_told_of_notification_on (LsIndividual *self);
void ls_individual_set_told_of_notification_on (LsIndividual *self, const char *told_of_notification_on);
const char *ls_individual_get_told_of_notification_how (LsIndividual *self);
void ls_individual_set_told_of_notification_how (LsIndividual *self, const char *told_of_notification_how);
/* clang-format on */

G_END_DECLS
