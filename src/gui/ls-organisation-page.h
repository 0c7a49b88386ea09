/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

#define LS_TYPE_ORGANISATION_PAGE (ls_organisation_page_get_type ())

G_DECLARE_FINAL_TYPE (LsOrganisationPage,
                      ls_organisation_page,
                      LS,
                      ORGANISATION_PAGE,
                      AdwPreferencesPage)

/* clang-format off */
LsOrganisationPage *ls_organisation_page_new              (LsStore            *store,
                                                           LsOrganisation     *organisation);
LsOrganisation     *ls_organisation_page_get_organisation (LsOrganisationPage *self);
gboolean            ls_organisation_page_validate         (LsOrganisationPage *self,
                                                           gboolean            move_focus);
/* clang-format on */

G_END_DECLS
