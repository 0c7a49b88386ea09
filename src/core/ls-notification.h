/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ls-enums.h"

G_BEGIN_DECLS

#define LS_TYPE_NOTIFICATION (ls_notification_get_type ())

G_DECLARE_FINAL_TYPE (
    LsNotification, ls_notification, LS, NOTIFICATION, GObject)

/* clang-format off */
LsNotification    *ls_notification_new                       (void);
LsCaseKind         ls_notification_get_kind                  (LsNotification *self);
void               ls_notification_set_kind                  (LsNotification *self,
                                                              LsCaseKind      kind);
const char        *ls_notification_get_department            (LsNotification *self);
void               ls_notification_set_department            (LsNotification *self,
                                                              const char     *department);
LsOrganisationKind ls_notification_get_sender                (LsNotification *self);
void               ls_notification_set_sender                (LsNotification     *self,
                                                              LsOrganisationKind  sender);
const char        *ls_notification_get_board_name            (LsNotification *self);
void               ls_notification_set_board_name            (LsNotification *self,
                                                              const char     *board_name);
const char        *ls_notification_get_board_municipality    (LsNotification *self);
void               ls_notification_set_board_municipality    (LsNotification *self,
                                                              const char     *board_municipality);
const char        *ls_notification_get_provider_name         (LsNotification *self);
void               ls_notification_set_provider_name         (LsNotification *self,
                                                              const char     *provider_name);
const char        *ls_notification_get_contact_name          (LsNotification *self);
void               ls_notification_set_contact_name          (LsNotification *self,
                                                              const char     *contact_name);
const char        *ls_notification_get_contact_title         (LsNotification *self);
void               ls_notification_set_contact_title         (LsNotification *self,
                                                              const char     *contact_title);
const char        *ls_notification_get_workplace             (LsNotification *self);
void               ls_notification_set_workplace             (LsNotification *self,
                                                              const char     *workplace);
const char        *ls_notification_get_postal_address        (LsNotification *self);
void               ls_notification_set_postal_address        (LsNotification *self,
                                                              const char     *postal_address);
const char        *ls_notification_get_postcode              (LsNotification *self);
void               ls_notification_set_postcode              (LsNotification *self,
                                                              const char     *postcode);
const char        *ls_notification_get_town                  (LsNotification *self);
void               ls_notification_set_town                  (LsNotification *self,
                                                              const char     *town);
const char        *ls_notification_get_phone                 (LsNotification *self);
void               ls_notification_set_phone                 (LsNotification *self,
                                                              const char     *phone);
const char        *ls_notification_get_email                 (LsNotification *self);
void               ls_notification_set_email                 (LsNotification *self,
                                                              const char     *email);
const char        *ls_notification_get_unit_name             (LsNotification *self);
void               ls_notification_set_unit_name             (LsNotification *self,
                                                              const char     *unit_name);
const char        *ls_notification_get_activity              (LsNotification *self);
void               ls_notification_set_activity              (LsNotification *self,
                                                              const char     *activity);
const char        *ls_notification_get_unit_street_address   (LsNotification *self);
void               ls_notification_set_unit_street_address   (LsNotification *self,
                                                              const char     *unit_street_address);
const char        *ls_notification_get_unit_postcode         (LsNotification *self);
void               ls_notification_set_unit_postcode         (LsNotification *self,
                                                              const char     *unit_postcode);
const char        *ls_notification_get_unit_town             (LsNotification *self);
void               ls_notification_set_unit_town             (LsNotification *self,
                                                              const char     *unit_town);
const char        *ls_notification_get_unit_phone            (LsNotification *self);
void               ls_notification_set_unit_phone            (LsNotification *self,
                                                              const char     *unit_phone);
const char        *ls_notification_get_occurred              (LsNotification *self);
void               ls_notification_set_occurred              (LsNotification *self,
                                                              const char     *occurred);
const char        *ls_notification_get_description           (LsNotification *self);
void               ls_notification_set_description           (LsNotification *self,
                                                              const char     *description);
gboolean           ls_notification_get_individuals_informed  (LsNotification *self);
void               ls_notification_set_individuals_informed  (LsNotification *self,
                                                              gboolean        individuals_informed);
gboolean           ls_notification_get_attach_investigation  (LsNotification *self);
void               ls_notification_set_attach_investigation  (LsNotification *self,
                                                              gboolean        attach_investigation);
gboolean           ls_notification_get_attach_routines       (LsNotification *self);
void               ls_notification_set_attach_routines       (LsNotification *self,
                                                              gboolean        attach_routines);
gboolean           ls_notification_get_attach_other          (LsNotification *self);
void               ls_notification_set_attach_other          (LsNotification *self,
                                                              gboolean        attach_other);
const char        *ls_notification_get_other_attachments     (LsNotification *self);
void               ls_notification_set_other_attachments     (LsNotification *self,
                                                              const char     *other_attachments);
const char        *ls_notification_get_organisation_staffing (LsNotification *self);
void               ls_notification_set_organisation_staffing (LsNotification *self,
                                                              const char     *organisation_staffing);
const char        *ls_notification_get_staff_details         (LsNotification *self);
void               ls_notification_set_staff_details         (LsNotification *self,
                                                              const char     *staff_details);
const char        *ls_notification_get_actions               (LsNotification *self);
void               ls_notification_set_actions               (LsNotification *self,
                                                              const char     *actions);
const char        *ls_notification_get_signed_on             (LsNotification *self);
void               ls_notification_set_signed_on             (LsNotification *self,
                                                              const char     *signed_on);
const char        *ls_notification_get_signatory             (LsNotification *self);
void               ls_notification_set_signatory             (LsNotification *self,
                                                              const char     *signatory);
const char        *ls_notification_get_submitted_on          (LsNotification *self);
void               ls_notification_set_submitted_on          (LsNotification *self,
                                                              const char     *submitted_on);
const char        *ls_notification_get_investigation_sent_on (LsNotification *self);
void               ls_notification_set_investigation_sent_on (LsNotification *self,
                                                              const char     *investigation_sent_on);
const char *const *ls_notification_get_sent_attachments      (LsNotification *self);
void               ls_notification_set_sent_attachments      (LsNotification *self,
                                                              const char *const *sent_attachments);
void               ls_notification_set_attachment_sent       (LsNotification *self,
                                                              const char     *uuid,
                                                              gboolean        sent);
/* clang-format on */

G_END_DECLS
