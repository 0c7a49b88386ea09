/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-wizard-page.h"

G_BEGIN_DECLS

#define LS_TYPE_RESPONSIBLE_GROUP (ls_responsible_group_get_type ())

G_DECLARE_FINAL_TYPE (LsResponsibleGroup,
                      ls_responsible_group,
                      LS,
                      RESPONSIBLE_GROUP,
                      AdwPreferencesGroup)

/* clang-format off */
void        ls_responsible_group_attach      (LsResponsibleGroup *self,
                                              LsWizardPage       *page);
const char *ls_responsible_group_get_suggestion (LsResponsibleGroup *self);
gboolean    ls_responsible_group_get_concerned (LsResponsibleGroup *self);
gboolean    ls_responsible_group_get_loading (LsResponsibleGroup *self);
void        ls_responsible_group_use         (LsResponsibleGroup *self);
/* clang-format on */

G_END_DECLS
