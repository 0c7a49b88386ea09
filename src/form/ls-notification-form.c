/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-form"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-bidi.h"
#include "ls-field.h"
#include "ls-form-document-private.h"
#include "ls-form-text-private.h"
#include "ls-law.h"
#include "ls-notification-form.h"

/* The form is a Swedish legal document: its labels are Swedish whatever the
 * language of the app, so they are not translated.  The names are what the
 * app calls a field in its own language, to list what is missing. */
typedef struct
{
  const char *label;
  const char *name;
  gboolean required;
  /* the form has two "Postnr", "Postort" and "Telefon" boxes: a
   * continuation page must say which one it continues */
  const char *continued_label;
} FieldInfo;

/* clang-format off */
static const FieldInfo fields[LS_NOTIFICATION_N_FIELDS] = {
  [LS_NOTIFICATION_FIELD_REGNO]
  = { "Avsändarens diarienummer", N_ ("Sender’s registration number"), TRUE },
  [LS_NOTIFICATION_FIELD_DEPARTMENT] = { "Avdelning", N_ ("IVO department"), TRUE },
  [LS_NOTIFICATION_FIELD_BOARD_NAME] = { "Nämndens namn", N_ ("Board"), FALSE },
  [LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY]
  = { "i kommun/region", N_ ("Municipality or region of the board"), FALSE },
  [LS_NOTIFICATION_FIELD_PROVIDER_NAME]
  = { "Namnet på t.ex. bolaget, stiftelsen", N_ ("Private provider’s name"),
      FALSE },
  [LS_NOTIFICATION_FIELD_CONTACT_NAME] = { "Kontaktperson", N_ ("Contact person"), TRUE },
  [LS_NOTIFICATION_FIELD_CONTACT_TITLE]
  = { "Titel/funktion", N_ ("Contact person’s title"), TRUE },
  [LS_NOTIFICATION_FIELD_WORKPLACE] = { "Arbetsplats", N_ ("Workplace"), TRUE },
  [LS_NOTIFICATION_FIELD_POSTAL_ADDRESS]
  = { "Utdelningsadress", N_ ("Postal address"), TRUE },
  [LS_NOTIFICATION_FIELD_POSTCODE]
  = { "Postnr", N_ ("Postcode"), TRUE, "Postnr (kontaktperson)" },
  [LS_NOTIFICATION_FIELD_TOWN]
  = { "Postort", N_ ("Town"), TRUE, "Postort (kontaktperson)" },
  [LS_NOTIFICATION_FIELD_PHONE]
  = { "Telefon (inkl. riktnr)", N_ ("Phone"), TRUE, "Telefon (kontaktperson)" },
  [LS_NOTIFICATION_FIELD_EMAIL] = { "E-postadress", N_ ("E-mail address"), TRUE },
  [LS_NOTIFICATION_FIELD_UNIT] = { "Enhet/avdelning", N_ ("Unit"), TRUE },
  [LS_NOTIFICATION_FIELD_ACTIVITY_TYPE]
  = { "Typ av verksamhet", N_ ("Type of activity"), TRUE },
  [LS_NOTIFICATION_FIELD_UNIT_STREET]
  = { "Gatuadress", N_ ("Street address of the unit"), TRUE },
  [LS_NOTIFICATION_FIELD_UNIT_POSTCODE]
  = { "Postnr", N_ ("Postcode of the unit"), TRUE, "Postnr (enhet/avdelning)" },
  [LS_NOTIFICATION_FIELD_UNIT_TOWN]
  = { "Postort", N_ ("Town of the unit"), TRUE, "Postort (enhet/avdelning)" },
  [LS_NOTIFICATION_FIELD_UNIT_PHONE]
  = { "Telefon (inkl. riktnr)", N_ ("Phone of the unit"), FALSE,
      "Telefon (enhet/avdelning)" },
  [LS_NOTIFICATION_FIELD_OCCURRED]
  = { "Datum, veckodag samt klockslag för det inträffade",
      N_ ("Date, weekday and time of day it happened"), TRUE },
  [LS_NOTIFICATION_FIELD_DESCRIPTION]
  = { "Kortfattad beskrivning av det allvarliga missförhållandet eller "
      "risken för ett allvarligt missförhållande och konsekvenserna för den "
      "enskilde",
      N_ ("Short description and consequences for the individual"), TRUE },
  [LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT]
  = { "Övrigt", N_ ("Other attachments"), FALSE },
  [LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING]
  = { "Beskrivning av verksamhetens organisation och bemanning",
      N_ ("Organisation and staffing"), TRUE },
  [LS_NOTIFICATION_FIELD_STAFF_DETAILS]
  = { "Uppgifter om personalens utbildning, tjänstgöringstid och "
      "anställningsform (på den berörda enheten)",
      N_ ("Staff training, length of service and employment form"), TRUE },
  [LS_NOTIFICATION_FIELD_ACTIONS]
  = { "Åtgärder som har vidtagits eller planeras i verksamheten för att "
      "förhindra att liknande missförhållanden inträffar igen",
      N_ ("Actions taken or planned"), TRUE },
  [LS_NOTIFICATION_FIELD_DATE] = { "Datum", N_ ("Date"), TRUE },
  [LS_NOTIFICATION_FIELD_SIGNATURE]
  = { "Den anmälningsansvariges underskrift/protokollsutdrag",
      N_ ("Signature"), FALSE },
  [LS_NOTIFICATION_FIELD_NAME_IN_PRINT]
  = { "Namnförtydligande", N_ ("Name in print"), TRUE },
};
/* clang-format on */

/* The form's legal references are the law module's: a change of law is a
 * change of data there. */
static LsRegime
law_regime (LsNotificationRegime regime)
{
  return regime == LS_NOTIFICATION_REGIME_LSS ? LS_REGIME_LSS : LS_REGIME_SOL;
}

#define FORM_TITLE "ANMÄLAN – lex Sarah"
#define RECIPIENT "Inspektionen för vård och omsorg (IVO)"
#define FORM_FOOTER "Blankett enligt bilaga till SOSFS 2011:5"

struct _LsNotificationForm
{
  GObject parent_instance;

  char *text[LS_NOTIFICATION_N_FIELDS];
  LsNotificationRegime regime;
  LsNotificationKind kind;
  LsNotificationSender sender;
  gboolean informed;
  LsNotificationAttachment attachments;
  gboolean draft;
};

G_DEFINE_FINAL_TYPE (LsNotificationForm, ls_notification_form, G_TYPE_OBJECT)

static void
ls_notification_form_finalize (GObject *object)
{
  LsNotificationForm *self = LS_NOTIFICATION_FORM (object);

  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    g_clear_pointer (&self->text[i], g_free);

  G_OBJECT_CLASS (ls_notification_form_parent_class)->finalize (object);
}

static void
ls_notification_form_class_init (LsNotificationFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ls_notification_form_finalize;
}

static void
ls_notification_form_init (LsNotificationForm *self)
{
}

/**
 * ls_notification_form_new:
 *
 * Creates an empty notification form.  Fill it with the setters, list what
 * is missing with ls_notification_form_list_missing() and draw it with
 * ls_notification_form_build_document().
 *
 * Returns: (transfer full): a new form
 */
LsNotificationForm *
ls_notification_form_new (void)
{
  return g_object_new (LS_TYPE_NOTIFICATION_FORM, NULL);
}

/**
 * ls_notification_form_get_text:
 *
 * Returns: (transfer none): the field's text, "" when empty
 */
const char *
ls_notification_form_get_text (LsNotificationForm *self,
                               LsNotificationField field)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), NULL);
  g_return_val_if_fail (field < LS_NOTIFICATION_N_FIELDS, NULL);

  return self->text[field] != NULL ? self->text[field] : "";
}

/**
 * ls_notification_form_set_text:
 * @value: (nullable): the text, any Unicode
 */
void
ls_notification_form_set_text (LsNotificationForm *self,
                               LsNotificationField field,
                               const char *value)
{
  g_return_if_fail (LS_IS_NOTIFICATION_FORM (self));
  g_return_if_fail (field < LS_NOTIFICATION_N_FIELDS);

  g_free (self->text[field]);
  self->text[field] = value != NULL ? g_utf8_make_valid (value, -1) : NULL;
}

LsNotificationRegime
ls_notification_form_get_regime (LsNotificationForm *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), 0);

  return self->regime;
}

void
ls_notification_form_set_regime (LsNotificationForm *self,
                                 LsNotificationRegime regime)
{
  g_return_if_fail (LS_IS_NOTIFICATION_FORM (self));
  g_return_if_fail (regime <= LS_NOTIFICATION_REGIME_LSS);

  self->regime = regime;
}

LsNotificationKind
ls_notification_form_get_kind (LsNotificationForm *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), 0);

  return self->kind;
}

void
ls_notification_form_set_kind (LsNotificationForm *self,
                               LsNotificationKind kind)
{
  g_return_if_fail (LS_IS_NOTIFICATION_FORM (self));
  g_return_if_fail (kind <= LS_NOTIFICATION_KIND_RISK);

  self->kind = kind;
}

LsNotificationSender
ls_notification_form_get_sender (LsNotificationForm *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), 0);

  return self->sender;
}

void
ls_notification_form_set_sender (LsNotificationForm *self,
                                 LsNotificationSender sender)
{
  g_return_if_fail (LS_IS_NOTIFICATION_FORM (self));
  g_return_if_fail (sender <= LS_NOTIFICATION_SENDER_SIS);

  self->sender = sender;
}

gboolean
ls_notification_form_get_informed (LsNotificationForm *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), FALSE);

  return self->informed;
}

void
ls_notification_form_set_informed (LsNotificationForm *self, gboolean informed)
{
  g_return_if_fail (LS_IS_NOTIFICATION_FORM (self));

  self->informed = !!informed;
}

LsNotificationAttachment
ls_notification_form_get_attachments (LsNotificationForm *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), 0);

  return self->attachments;
}

void
ls_notification_form_set_attachments (LsNotificationForm *self,
                                      LsNotificationAttachment attachments)
{
  g_return_if_fail (LS_IS_NOTIFICATION_FORM (self));

  self->attachments = attachments;
}

gboolean
ls_notification_form_get_draft (LsNotificationForm *self)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), FALSE);

  return self->draft;
}

/**
 * ls_notification_form_set_draft:
 * @draft: whether no notification has been decided on yet
 *
 * A draft prints with %LS_NOTIFICATION_DRAFT_MARK across every page, so
 * that it can never be sent or filed as a notification that was made.
 */
void
ls_notification_form_set_draft (LsNotificationForm *self, gboolean draft)
{
  g_return_if_fail (LS_IS_NOTIFICATION_FORM (self));

  self->draft = !!draft;
}

/**
 * ls_notification_form_list_undrawable:
 *
 * Lists the fields holding characters that no installed font can draw,
 * such as an emoji with a skin tone, in the form's order and in the app's
 * language.  The form prints a placeholder (U+FFFD) for each such
 * character: show the list before the form is printed or sent.  Call it in
 * the thread that draws the form.
 *
 * Returns: (transfer full): the names, an empty list when all can be drawn
 */
GStrv
ls_notification_form_list_undrawable (LsNotificationForm *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  PangoContext *context;
  LsFormTextChecker *checker;

  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), NULL);

  context = ls_form_text_context_new ();
  checker = ls_form_text_checker_new (context, FONT_VALUE);
  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      g_autofree char *clean = NULL;
      guint n_replaced = 0;

      if (self->text[i] == NULL)
        continue;
      clean = ls_form_text_checker_clean (checker, self->text[i], &n_replaced);
      if (n_replaced > 0)
        g_strv_builder_add (builder, _ (fields[i].name));
    }
  ls_form_text_checker_free (checker);
  g_object_unref (context);

  return g_strv_builder_end (builder);
}

/**
 * ls_notification_field_get_label:
 *
 * Returns: (transfer none): the field's label on the form, in Swedish
 */
const char *
ls_notification_field_get_label (LsNotificationField field)
{
  g_return_val_if_fail (field < LS_NOTIFICATION_N_FIELDS, NULL);

  return fields[field].label;
}

/**
 * ls_notification_field_get_name:
 *
 * Returns: (transfer none): the field's name in the app's language
 */
const char *
ls_notification_field_get_name (LsNotificationField field)
{
  g_return_val_if_fail (field < LS_NOTIFICATION_N_FIELDS, NULL);

  return _ (fields[field].name);
}

/**
 * ls_notification_regime_get_law:
 *
 * Returns: (transfer none): the section a notification is made under,
 *   such as "14 kap. 7 § SoL"
 */
const char *
ls_notification_regime_get_law (LsNotificationRegime regime)
{
  g_return_val_if_fail (regime <= LS_NOTIFICATION_REGIME_LSS, NULL);

  return ls_law_get_notification_section (law_regime (regime));
}

/**
 * ls_notification_regime_get_investigation_law:
 *
 * Returns: (transfer none): the section the investigation is documented
 *   under, such as "14 kap. 6 § SoL"
 */
const char *
ls_notification_regime_get_investigation_law (LsNotificationRegime regime)
{
  g_return_val_if_fail (regime <= LS_NOTIFICATION_REGIME_LSS, NULL);

  return ls_law_get_investigation_section (law_regime (regime));
}

static gboolean
field_required (LsNotificationForm *self, LsNotificationField field)
{
  switch (field)
    {
    case LS_NOTIFICATION_FIELD_BOARD_NAME:
    case LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY:
      return self->sender == LS_NOTIFICATION_SENDER_BOARD;
    case LS_NOTIFICATION_FIELD_PROVIDER_NAME:
      return self->sender == LS_NOTIFICATION_SENDER_PRIVATE;
    case LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT:
      return (self->attachments & LS_NOTIFICATION_ATTACHMENT_OTHER) != 0;
    default:
      return fields[field].required;
    }
}

/**
 * ls_notification_form_list_missing:
 *
 * Lists the required parts of the form that are still empty, in the form's
 * order and in the app's language, so they can be shown before the form is
 * printed or sent.  A sent notification cannot be changed.
 *
 * Returns: (transfer full): the names, an empty list when complete
 */
GStrv
ls_notification_form_list_missing (LsNotificationForm *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), NULL);

  for (guint i = 0; i < LS_NOTIFICATION_N_FIELDS; i++)
    {
      if (i == LS_NOTIFICATION_FIELD_DEPARTMENT &&
          self->kind == LS_NOTIFICATION_KIND_UNSET)
        g_strv_builder_add (builder,
                            _ ("Serious wrongdoing or clear risk of one"));
      if (i == LS_NOTIFICATION_FIELD_BOARD_NAME &&
          self->sender == LS_NOTIFICATION_SENDER_UNSET)
        g_strv_builder_add (builder, _ ("Who notifies"));
      if (field_required (self, i) && ls_field_is_blank (self->text[i]))
        g_strv_builder_add (builder, _ (fields[i].name));
    }

  return g_strv_builder_end (builder);
}

static LsFormBox
box_for (LsNotificationForm *self, LsNotificationField field, double weight)
{
  LsFormBox box = {
    fields[field].label,          self->text[field], weight, 0, 0,
    fields[field].continued_label
  };

  return box;
}

/**
 * ls_notification_form_build_document:
 *
 * Lays the form out as the annex to SOSFS 2011:5 has it, with IVO as the
 * recipient.  Text that does not fit its box continues on continuation
 * pages.
 *
 * Returns: (transfer full): the document, ready to paginate and draw
 */
LsFormDocument *
ls_notification_form_build_document (LsNotificationForm *self)
{
  g_autoptr (LsFormDocument) doc = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *header = NULL;
  g_autofree char *investigation = NULL;
  const char *law;
  LsFormBox regno;
  LsNotificationSender sender;

  g_return_val_if_fail (LS_IS_NOTIFICATION_FORM (self), NULL);

  law = ls_notification_regime_get_law (self->regime);
  sender = self->sender;
  if (ls_field_is_blank (self->text[LS_NOTIFICATION_FIELD_REGNO]))
    title = g_strdup (FORM_TITLE);
  else
    title = g_strdup_printf ("%s, %s", FORM_TITLE,
                             self->text[LS_NOTIFICATION_FIELD_REGNO]);
  subject = g_strdup_printf ("Anmälan enligt %s till %s", law, RECIPIENT);
  subtitle = g_strdup_printf ("enligt %s", law);
  if (ls_field_is_blank (self->text[LS_NOTIFICATION_FIELD_REGNO]))
    header = g_strdup_printf ("%s %s", FORM_TITLE, subtitle);
  else
    {
      g_autofree char *isolated =
          ls_bidi_isolate (self->text[LS_NOTIFICATION_FIELD_REGNO]);

      header = g_strdup_printf ("%s %s – Avsändarens diarienummer: %s",
                                FORM_TITLE, subtitle, isolated);
    }

  if (self->draft)
    {
      char *draft_title =
          g_strdup_printf ("%s – %s", LS_NOTIFICATION_DRAFT_MARK, title);

      g_free (title);
      title = draft_title;
    }
  doc = ls_form_document_new (title, subject);
  ls_form_document_set_running_header (doc, header);
  ls_form_document_set_footer (doc, FORM_FOOTER);
  if (self->draft)
    ls_form_document_set_watermark (doc, LS_NOTIFICATION_DRAFT_MARK);

  regno = box_for (self, LS_NOTIFICATION_FIELD_REGNO, 1);
  regno.max_lines = 2;
  ls_form_document_add_title (doc, FORM_TITLE, subtitle, &regno);

  ls_form_document_add_check (doc, "ett allvarligt missförhållande",
                              self->kind == LS_NOTIFICATION_KIND_WRONGDOING,
                              NULL, 0);
  ls_form_document_add_check (
      doc, "en påtaglig risk för ett allvarligt missförhållande",
      self->kind == LS_NOTIFICATION_KIND_RISK, NULL, 0);

  ls_form_document_add_paragraph (
      doc,
      "Anmälan görs till den avdelning inom " RECIPIENT
      " som har tillsyn över den verksamhet där det allvarliga "
      "missförhållandet har inträffat eller risken för ett allvarligt "
      "missförhållande har förelegat.",
      FALSE);
  {
    LsFormBox row[] = {
      { "Mottagare", RECIPIENT, 1.2, 0, 0 },
      box_for (self, LS_NOTIFICATION_FIELD_DEPARTMENT, 1),
    };
    ls_form_document_add_row (doc, row, G_N_ELEMENTS (row));
  }

  ls_form_document_add_heading (doc, "Anmälan görs av");
  {
    LsFormBox board[] = {
      box_for (self, LS_NOTIFICATION_FIELD_BOARD_NAME, 1.3),
      box_for (self, LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY, 1),
    };
    LsFormBox provider[] = {
      box_for (self, LS_NOTIFICATION_FIELD_PROVIDER_NAME, 1),
    };
    /* The details of a sender that is not the one ticked are left over
     * from an earlier choice: on the form they would contradict the
     * cross. */
    if (sender == LS_NOTIFICATION_SENDER_PRIVATE ||
        sender == LS_NOTIFICATION_SENDER_SIS)
      board[0].value = board[1].value = NULL;
    if (sender == LS_NOTIFICATION_SENDER_BOARD ||
        sender == LS_NOTIFICATION_SENDER_SIS)
      provider[0].value = NULL;
    ls_form_document_add_check (doc, "Nämnd",
                                sender == LS_NOTIFICATION_SENDER_BOARD, board,
                                G_N_ELEMENTS (board));
    ls_form_document_add_check (doc, "Enskild verksamhet",
                                sender == LS_NOTIFICATION_SENDER_PRIVATE,
                                provider, G_N_ELEMENTS (provider));
    ls_form_document_add_check (doc, "Statens institutionsstyrelse",
                                sender == LS_NOTIFICATION_SENDER_SIS, NULL, 0);
  }
  {
    LsFormBox contact[] = {
      box_for (self, LS_NOTIFICATION_FIELD_CONTACT_NAME, 1),
      box_for (self, LS_NOTIFICATION_FIELD_CONTACT_TITLE, 1),
    };
    LsFormBox address[] = {
      box_for (self, LS_NOTIFICATION_FIELD_WORKPLACE, 1),
      box_for (self, LS_NOTIFICATION_FIELD_POSTAL_ADDRESS, 1),
    };
    LsFormBox town[] = {
      box_for (self, LS_NOTIFICATION_FIELD_POSTCODE, 0.5),
      box_for (self, LS_NOTIFICATION_FIELD_TOWN, 1.5),
    };
    LsFormBox phone[] = {
      box_for (self, LS_NOTIFICATION_FIELD_PHONE, 1),
      box_for (self, LS_NOTIFICATION_FIELD_EMAIL, 1),
    };
    phone[1].address = TRUE;
    ls_form_document_add_row (doc, contact, G_N_ELEMENTS (contact));
    ls_form_document_add_row (doc, address, G_N_ELEMENTS (address));
    ls_form_document_add_row (doc, town, G_N_ELEMENTS (town));
    ls_form_document_add_row (doc, phone, G_N_ELEMENTS (phone));
  }

  ls_form_document_add_heading (
      doc, "Var och när har det allvarliga missförhållandet inträffat eller "
           "risken för ett allvarligt missförhållande förelegat");
  {
    LsFormBox unit[] = {
      box_for (self, LS_NOTIFICATION_FIELD_UNIT, 1),
      box_for (self, LS_NOTIFICATION_FIELD_ACTIVITY_TYPE, 1),
    };
    LsFormBox street[] = {
      box_for (self, LS_NOTIFICATION_FIELD_UNIT_STREET, 1),
      box_for (self, LS_NOTIFICATION_FIELD_UNIT_POSTCODE, 0.35),
      box_for (self, LS_NOTIFICATION_FIELD_UNIT_TOWN, 0.65),
    };
    LsFormBox when[] = {
      box_for (self, LS_NOTIFICATION_FIELD_UNIT_PHONE, 1),
      box_for (self, LS_NOTIFICATION_FIELD_OCCURRED, 1),
    };
    ls_form_document_add_row (doc, unit, G_N_ELEMENTS (unit));
    ls_form_document_add_row (doc, street, G_N_ELEMENTS (street));
    ls_form_document_add_row (doc, when, G_N_ELEMENTS (when));
  }

  ls_form_document_add_space (doc, 6);
  ls_form_document_add_section_text (
      doc, fields[LS_NOTIFICATION_FIELD_DESCRIPTION].label,
      self->text[LS_NOTIFICATION_FIELD_DESCRIPTION], LS_FORM_TEXT_FIXED, 150);
  ls_form_document_add_space (doc, 4);

  ls_form_document_add_check (
      doc,
      "Berörda enskilda har underrättats om anmälan om det allvarliga "
      "missförhållandet eller risken för ett allvarligt missförhållande",
      self->informed, NULL, 0);

  ls_form_document_add_heading (doc, "Bifogade handlingar");
  investigation =
      g_strdup_printf ("Slutförd utredning enligt %s",
                       ls_law_get_investigation_section (LS_REGIME_SOL));
  ls_form_document_add_check (
      doc, investigation,
      (self->attachments & LS_NOTIFICATION_ATTACHMENT_INVESTIGATION) &&
          self->regime == LS_NOTIFICATION_REGIME_SOL,
      NULL, 0);
  g_free (investigation);
  investigation =
      g_strdup_printf ("Slutförd utredning enligt %s",
                       ls_law_get_investigation_section (LS_REGIME_LSS));
  ls_form_document_add_check (
      doc, investigation,
      (self->attachments & LS_NOTIFICATION_ATTACHMENT_INVESTIGATION) &&
          self->regime == LS_NOTIFICATION_REGIME_LSS,
      NULL, 0);
  ls_form_document_add_check (
      doc,
      "Gällande rutiner i verksamheten som är av betydelse för det aktuella "
      "missförhållandet",
      (self->attachments & LS_NOTIFICATION_ATTACHMENT_ROUTINES) != 0, NULL, 0);
  {
    LsFormBox other[] = {
      { "Vilka handlingar", self->text[LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT],
        1, 0, 0 },
    };

    if ((self->attachments & LS_NOTIFICATION_ATTACHMENT_OTHER) == 0)
      other[0].value = NULL;
    ls_form_document_add_check (
        doc, fields[LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT].label,
        (self->attachments & LS_NOTIFICATION_ATTACHMENT_OTHER) != 0, other,
        G_N_ELEMENTS (other));
  }

  ls_form_document_add_space (doc, 6);
  ls_form_document_add_section_text (
      doc, fields[LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING].label,
      self->text[LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING],
      LS_FORM_TEXT_FIXED, 120);
  ls_form_document_add_space (doc, 6);
  ls_form_document_add_section_text (
      doc, fields[LS_NOTIFICATION_FIELD_STAFF_DETAILS].label,
      self->text[LS_NOTIFICATION_FIELD_STAFF_DETAILS], LS_FORM_TEXT_FIXED, 120);
  ls_form_document_add_space (doc, 6);
  ls_form_document_add_section_text (
      doc, fields[LS_NOTIFICATION_FIELD_ACTIONS].label,
      self->text[LS_NOTIFICATION_FIELD_ACTIONS], LS_FORM_TEXT_FIXED, 150);
  ls_form_document_add_space (doc, 10);
  {
    LsFormBox sign[] = {
      box_for (self, LS_NOTIFICATION_FIELD_DATE, 0.55),
      box_for (self, LS_NOTIFICATION_FIELD_SIGNATURE, 1.45),
      box_for (self, LS_NOTIFICATION_FIELD_NAME_IN_PRINT, 1),
    };
    sign[1].min_lines = 3;
    ls_form_document_add_row (doc, sign, G_N_ELEMENTS (sign));
  }

  return g_steal_pointer (&doc);
}
