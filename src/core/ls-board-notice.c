/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-board-notice"

#include "config.h"

#include "ls-enum-types.h"
#include "ls-field.h"
#include "ls-board-notice.h"
#include "ls-model.h"
#include "ls-record-private.h"

/*
 * The board that was told of a report (4:1, 4:2) or of a
 * notification (6:3 to 6:5), when and how.
 */
struct _LsBoardNotice
{
  GObject parent_instance;

  LsNoticeStage stage;
  char *board;
  char *notified_on;
  char *how;
  gboolean secrecy_prevents;
  char *secrecy_reason;
  char *letter_sent_on;
};

G_DEFINE_FINAL_TYPE (LsBoardNotice, ls_board_notice, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STAGE,
  PROP_BOARD,
  PROP_NOTIFIED_ON,
  PROP_HOW,
  PROP_SECRECY_PREVENTS,
  PROP_SECRECY_REASON,
  PROP_LETTER_SENT_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const LsRecordText texts[] = {
  { PROP_BOARD, G_STRUCT_OFFSET (LsBoardNotice, board) },
  { PROP_NOTIFIED_ON, G_STRUCT_OFFSET (LsBoardNotice, notified_on) },
  { PROP_HOW, G_STRUCT_OFFSET (LsBoardNotice, how) },
  { PROP_SECRECY_REASON, G_STRUCT_OFFSET (LsBoardNotice, secrecy_reason) },
  { PROP_LETTER_SENT_ON, G_STRUCT_OFFSET (LsBoardNotice, letter_sent_on) },
};

static void
ls_board_notice_finalize (GObject *object)
{
  LsBoardNotice *self = LS_BOARD_NOTICE (object);

  ls_record_free_texts (self, texts, G_N_ELEMENTS (texts));

  G_OBJECT_CLASS (ls_board_notice_parent_class)->finalize (object);
}

static void
ls_board_notice_get_property (GObject *object,
                              guint prop_id,
                              GValue *value,
                              GParamSpec *pspec)
{
  LsBoardNotice *self = LS_BOARD_NOTICE (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_SECRECY_PREVENTS:
      g_value_set_boolean (value, self->secrecy_prevents);
      break;
    default:
      if (!ls_record_get_text_value (self, texts, G_N_ELEMENTS (texts), prop_id,
                                     value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_board_notice_set_property (GObject *object,
                              guint prop_id,
                              const GValue *value,
                              GParamSpec *pspec)
{
  LsBoardNotice *self = LS_BOARD_NOTICE (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      ls_board_notice_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_SECRECY_PREVENTS:
      ls_board_notice_set_secrecy_prevents (self, g_value_get_boolean (value));
      break;
    default:
      if (!ls_record_set_text_value (self, texts, G_N_ELEMENTS (texts),
                                     properties, prop_id, value))
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The booleans and enumerations the walks of the model read where they
 * are. */
static const LsRecordText scalars[] = {
  { PROP_STAGE, G_STRUCT_OFFSET (LsBoardNotice, stage) },
  { PROP_SECRECY_PREVENTS, G_STRUCT_OFFSET (LsBoardNotice, secrecy_prevents) },
};

static void
ls_board_notice_class_init (LsBoardNoticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_board_notice_finalize;
  object_class->get_property = ls_board_notice_get_property;
  object_class->set_property = ls_board_notice_set_property;

  properties[PROP_STAGE] = g_param_spec_enum (
      "stage", "Stage", "Told of the report or of the notification",
      LS_TYPE_NOTICE_STAGE, LS_NOTICE_STAGE_REPORT,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BOARD] = g_param_spec_string (
      "board", "Board", "Which board", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTIFIED_ON] = g_param_spec_string (
      "notified-on", "Notified on", "When it was told", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOW] = g_param_spec_string (
      "how", "How", "How it was told", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SECRECY_PREVENTS] = g_param_spec_boolean (
      "secrecy-prevents", "Secrecy prevents",
      "The board is not told because secrecy prevents it (SiS)", FALSE,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRECY_REASON] = g_param_spec_string (
      "secrecy-reason", "Secrecy reason",
      "Why secrecy prevents telling the board", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LETTER_SENT_ON] = g_param_spec_string (
      "letter-sent-on", "Letter sent on",
      "When the letter of 6 kap. 4 § was sent to the board", NULL,
      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  ls_record_mark_scalars (properties, scalars, G_N_ELEMENTS (scalars));
  ls_record_mark_texts (properties, texts, G_N_ELEMENTS (texts));
  ls_model_mark_added_later (properties[PROP_SECRECY_PREVENTS]);
  ls_model_mark_added_later (properties[PROP_SECRECY_REASON]);
  ls_model_mark_added_later (properties[PROP_LETTER_SENT_ON]);

  ls_field_set_kind (properties[PROP_NOTIFIED_ON], LS_FIELD_DATE);
  ls_field_set_kind (properties[PROP_LETTER_SENT_ON], LS_FIELD_DATE);
}

static void
ls_board_notice_init (LsBoardNotice *self)
{
}

LsBoardNotice *
ls_board_notice_new (void)
{
  return g_object_new (LS_TYPE_BOARD_NOTICE, NULL);
}

LsNoticeStage
ls_board_notice_get_stage (LsBoardNotice *self)
{
  g_return_val_if_fail (LS_IS_BOARD_NOTICE (self), 0);

  return self->stage;
}

void
ls_board_notice_set_stage (LsBoardNotice *self, LsNoticeStage stage)
{
  g_return_if_fail (LS_IS_BOARD_NOTICE (self));

  if (self->stage == stage)
    return;
  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

const char *
ls_board_notice_get_board (LsBoardNotice *self)
{
  g_return_val_if_fail (LS_IS_BOARD_NOTICE (self), NULL);

  return self->board;
}

void
ls_board_notice_set_board (LsBoardNotice *self, const char *board)
{
  g_return_if_fail (LS_IS_BOARD_NOTICE (self));

  ls_record_set_string (self, &self->board, properties[PROP_BOARD], board);
}

const char *
ls_board_notice_get_notified_on (LsBoardNotice *self)
{
  g_return_val_if_fail (LS_IS_BOARD_NOTICE (self), NULL);

  return self->notified_on;
}

void
ls_board_notice_set_notified_on (LsBoardNotice *self, const char *notified_on)
{
  g_return_if_fail (LS_IS_BOARD_NOTICE (self));

  ls_record_set_string (self, &self->notified_on, properties[PROP_NOTIFIED_ON],
                        notified_on);
}

const char *
ls_board_notice_get_how (LsBoardNotice *self)
{
  g_return_val_if_fail (LS_IS_BOARD_NOTICE (self), NULL);

  return self->how;
}

void
ls_board_notice_set_how (LsBoardNotice *self, const char *how)
{
  g_return_if_fail (LS_IS_BOARD_NOTICE (self));

  ls_record_set_string (self, &self->how, properties[PROP_HOW], how);
}

gboolean
ls_board_notice_get_secrecy_prevents (LsBoardNotice *self)
{
  g_return_val_if_fail (LS_IS_BOARD_NOTICE (self), FALSE);

  return self->secrecy_prevents;
}

void
ls_board_notice_set_secrecy_prevents (LsBoardNotice *self,
                                      gboolean secrecy_prevents)
{
  g_return_if_fail (LS_IS_BOARD_NOTICE (self));

  secrecy_prevents = !!secrecy_prevents;
  if (self->secrecy_prevents == secrecy_prevents)
    return;
  self->secrecy_prevents = secrecy_prevents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECRECY_PREVENTS]);
}

const char *
ls_board_notice_get_secrecy_reason (LsBoardNotice *self)
{
  g_return_val_if_fail (LS_IS_BOARD_NOTICE (self), NULL);

  return self->secrecy_reason;
}

void
ls_board_notice_set_secrecy_reason (LsBoardNotice *self,
                                    const char *secrecy_reason)
{
  g_return_if_fail (LS_IS_BOARD_NOTICE (self));

  ls_record_set_string (self, &self->secrecy_reason,
                        properties[PROP_SECRECY_REASON], secrecy_reason);
}

const char *
ls_board_notice_get_letter_sent_on (LsBoardNotice *self)
{
  g_return_val_if_fail (LS_IS_BOARD_NOTICE (self), NULL);

  return self->letter_sent_on;
}

void
ls_board_notice_set_letter_sent_on (LsBoardNotice *self,
                                    const char *letter_sent_on)
{
  g_return_if_fail (LS_IS_BOARD_NOTICE (self));

  ls_record_set_string (self, &self->letter_sent_on,
                        properties[PROP_LETTER_SENT_ON], letter_sent_on);
}
