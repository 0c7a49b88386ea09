/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ls-form-document.h"

G_BEGIN_DECLS

/**
 * LsNotificationField:
 *
 * The text boxes of the notification form (the annex to SOSFS 2011:5), in
 * the form's order.
 */
typedef enum
{
  LS_NOTIFICATION_FIELD_REGNO,
  LS_NOTIFICATION_FIELD_DEPARTMENT,
  LS_NOTIFICATION_FIELD_BOARD_NAME,
  LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY,
  LS_NOTIFICATION_FIELD_PROVIDER_NAME,
  LS_NOTIFICATION_FIELD_CONTACT_NAME,
  LS_NOTIFICATION_FIELD_CONTACT_TITLE,
  LS_NOTIFICATION_FIELD_WORKPLACE,
  LS_NOTIFICATION_FIELD_POSTAL_ADDRESS,
  LS_NOTIFICATION_FIELD_POSTCODE,
  LS_NOTIFICATION_FIELD_TOWN,
  LS_NOTIFICATION_FIELD_PHONE,
  LS_NOTIFICATION_FIELD_EMAIL,
  LS_NOTIFICATION_FIELD_UNIT,
  LS_NOTIFICATION_FIELD_ACTIVITY_TYPE,
  LS_NOTIFICATION_FIELD_UNIT_STREET,
  LS_NOTIFICATION_FIELD_UNIT_POSTCODE,
  LS_NOTIFICATION_FIELD_UNIT_TOWN,
  LS_NOTIFICATION_FIELD_UNIT_PHONE,
  LS_NOTIFICATION_FIELD_OCCURRED,
  LS_NOTIFICATION_FIELD_DESCRIPTION,
  LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT,
  LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING,
  LS_NOTIFICATION_FIELD_STAFF_DETAILS,
  LS_NOTIFICATION_FIELD_ACTIONS,
  LS_NOTIFICATION_FIELD_DATE,
  LS_NOTIFICATION_FIELD_SIGNATURE,
  LS_NOTIFICATION_FIELD_NAME_IN_PRINT,
  LS_NOTIFICATION_N_FIELDS
} LsNotificationField;

/**
 * LsNotificationRegime:
 * @LS_NOTIFICATION_REGIME_SOL: the Social Services Act, 14 kap. 7 § SoL
 * @LS_NOTIFICATION_REGIME_LSS: the LSS act, 24 f § LSS
 */
typedef enum
{
  LS_NOTIFICATION_REGIME_SOL,
  LS_NOTIFICATION_REGIME_LSS,
} LsNotificationRegime;

/**
 * LsNotificationKind:
 * @LS_NOTIFICATION_KIND_UNSET: not chosen yet
 * @LS_NOTIFICATION_KIND_WRONGDOING: a serious wrongdoing
 * @LS_NOTIFICATION_KIND_RISK: a clear risk of a serious wrongdoing
 */
typedef enum
{
  LS_NOTIFICATION_KIND_UNSET,
  LS_NOTIFICATION_KIND_WRONGDOING,
  LS_NOTIFICATION_KIND_RISK,
} LsNotificationKind;

/**
 * LsNotificationSender:
 * @LS_NOTIFICATION_SENDER_UNSET: not chosen yet
 * @LS_NOTIFICATION_SENDER_BOARD: a municipal or regional board
 * @LS_NOTIFICATION_SENDER_PRIVATE: a private provider
 * @LS_NOTIFICATION_SENDER_SIS: the National Board of Institutional Care
 */
typedef enum
{
  LS_NOTIFICATION_SENDER_UNSET,
  LS_NOTIFICATION_SENDER_BOARD,
  LS_NOTIFICATION_SENDER_PRIVATE,
  LS_NOTIFICATION_SENDER_SIS,
} LsNotificationSender;

/**
 * LsNotificationAttachment:
 *
 * The attachments the form lists, as flags.
 */
typedef enum
{
  LS_NOTIFICATION_ATTACHMENT_NONE = 0,
  LS_NOTIFICATION_ATTACHMENT_INVESTIGATION = 1 << 0,
  LS_NOTIFICATION_ATTACHMENT_ROUTINES = 1 << 1,
  LS_NOTIFICATION_ATTACHMENT_OTHER = 1 << 2,
} LsNotificationAttachment;

/* What a draft says across every page: no notification has been made. */
#define LS_NOTIFICATION_DRAFT_MARK "UTKAST – ingen anmälan gjord"

#define LS_TYPE_NOTIFICATION_FORM (ls_notification_form_get_type ())

G_DECLARE_FINAL_TYPE (
    LsNotificationForm, ls_notification_form, LS, NOTIFICATION_FORM, GObject)

/* clang-format off */
LsNotificationForm      *ls_notification_form_new              (void);
const char              *ls_notification_form_get_text         (LsNotificationForm       *self,
                                                                LsNotificationField       field);
void                     ls_notification_form_set_text         (LsNotificationForm       *self,
                                                                LsNotificationField       field,
                                                                const char               *value);
LsNotificationRegime     ls_notification_form_get_regime       (LsNotificationForm       *self);
void                     ls_notification_form_set_regime       (LsNotificationForm       *self,
                                                                LsNotificationRegime      regime);
LsNotificationKind       ls_notification_form_get_kind         (LsNotificationForm       *self);
void                     ls_notification_form_set_kind         (LsNotificationForm       *self,
                                                                LsNotificationKind        kind);
LsNotificationSender     ls_notification_form_get_sender       (LsNotificationForm       *self);
void                     ls_notification_form_set_sender       (LsNotificationForm       *self,
                                                                LsNotificationSender      sender);
gboolean                 ls_notification_form_get_informed     (LsNotificationForm       *self);
void                     ls_notification_form_set_informed     (LsNotificationForm       *self,
                                                                gboolean                  informed);
LsNotificationAttachment ls_notification_form_get_attachments  (LsNotificationForm       *self);
void                     ls_notification_form_set_attachments  (LsNotificationForm       *self,
                                                                LsNotificationAttachment  attachments);
gboolean                 ls_notification_form_get_draft        (LsNotificationForm       *self);
void                     ls_notification_form_set_draft        (LsNotificationForm       *self,
                                                                gboolean                  draft);
GStrv                    ls_notification_form_list_undrawable  (LsNotificationForm       *self);

const char              *ls_notification_field_get_label       (LsNotificationField       field);
const char              *ls_notification_field_get_name        (LsNotificationField       field);
const char              *ls_notification_regime_get_law        (LsNotificationRegime      regime);
const char              *ls_notification_regime_get_investigation_law
                                                               (LsNotificationRegime      regime);

GStrv                    ls_notification_form_list_missing     (LsNotificationForm       *self);
LsFormDocument          *ls_notification_form_build_document   (LsNotificationForm       *self);
/* clang-format on */

G_END_DECLS
