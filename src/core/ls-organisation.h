/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ls-enums.h"
#include "ls-unit.h"

G_BEGIN_DECLS

#define LS_TYPE_ORGANISATION (ls_organisation_get_type ())

G_DECLARE_FINAL_TYPE (
    LsOrganisation, ls_organisation, LS, ORGANISATION, GObject)

/* clang-format off */
LsOrganisation    *ls_organisation_new                (void);
LsOrganisationKind ls_organisation_get_kind           (LsOrganisation *self);
void               ls_organisation_set_kind           (LsOrganisation     *self,
                                                       LsOrganisationKind  kind);
const char        *ls_organisation_get_name           (LsOrganisation *self);
void               ls_organisation_set_name           (LsOrganisation *self,
                                                       const char     *name);
const char        *ls_organisation_get_municipality   (LsOrganisation *self);
void               ls_organisation_set_municipality   (LsOrganisation *self,
                                                       const char     *municipality);
const char        *ls_organisation_get_regno_prefix   (LsOrganisation *self);
void               ls_organisation_set_regno_prefix   (LsOrganisation *self,
                                                       const char     *regno_prefix);
const char        *ls_organisation_get_department     (LsOrganisation *self);
void               ls_organisation_set_department     (LsOrganisation *self,
                                                       const char     *department);
const char        *ls_organisation_get_contact_name   (LsOrganisation *self);
void               ls_organisation_set_contact_name   (LsOrganisation *self,
                                                       const char     *contact_name);
const char        *ls_organisation_get_contact_title  (LsOrganisation *self);
void               ls_organisation_set_contact_title  (LsOrganisation *self,
                                                       const char     *contact_title);
const char        *ls_organisation_get_workplace      (LsOrganisation *self);
void               ls_organisation_set_workplace      (LsOrganisation *self,
                                                       const char     *workplace);
const char        *ls_organisation_get_postal_address (LsOrganisation *self);
void               ls_organisation_set_postal_address (LsOrganisation *self,
                                                       const char     *postal_address);
const char        *ls_organisation_get_postcode       (LsOrganisation *self);
void               ls_organisation_set_postcode       (LsOrganisation *self,
                                                       const char     *postcode);
const char        *ls_organisation_get_town           (LsOrganisation *self);
void               ls_organisation_set_town           (LsOrganisation *self,
                                                       const char     *town);
const char        *ls_organisation_get_phone          (LsOrganisation *self);
void               ls_organisation_set_phone          (LsOrganisation *self,
                                                       const char     *phone);
const char        *ls_organisation_get_email          (LsOrganisation *self);
void               ls_organisation_set_email          (LsOrganisation *self,
                                                       const char     *email);
GListStore        *ls_organisation_get_units          (LsOrganisation *self);
LsUnit            *ls_organisation_find_unit          (LsOrganisation *self,
                                                       const char     *id);
LsOrganisation    *ls_organisation_new_from_json      (JsonObject  *json,
                                                       const char  *path,
                                                       GError     **error);
LsOrganisation    *ls_organisation_new_from_document  (JsonObject  *json,
                                                       const char  *path,
                                                       GError     **error);
JsonObject        *ls_organisation_to_json            (LsOrganisation *self);
/* clang-format on */

G_END_DECLS
