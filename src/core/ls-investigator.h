/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_INVESTIGATOR (ls_investigator_get_type ())

G_DECLARE_FINAL_TYPE (
    LsInvestigator, ls_investigator, LS, INVESTIGATOR, GObject)

/* clang-format off */
LsInvestigator *ls_investigator_new            (void);
const char     *ls_investigator_get_name       (LsInvestigator *self);
void            ls_investigator_set_name       (LsInvestigator *self,
                                                const char     *name);
const char     *ls_investigator_get_title      (LsInvestigator *self);
void            ls_investigator_set_title      (LsInvestigator *self,
                                                const char     *title);
const char     *ls_investigator_get_competence (LsInvestigator *self);
void            ls_investigator_set_competence (LsInvestigator *self,
                                                const char     *competence);
/* clang-format on */

G_END_DECLS
