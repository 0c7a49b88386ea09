/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-notification-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-dates.h"
#include "ls-field.h"
#include "ls-notification-form.h"
#include "ls-notification-page.h"
#include "ls-row-error.h"
#include "ls-rows.h"

/* The text boxes of the form the manager writes, each an entry row or a
 * text view named after its property of LsNotification: this one table
 * loads them, reads them back, makes them read-only once the form is
 * sent, and leads from a missing part of the form back to its row. */
typedef struct
{
  const char *property;
  LsNotificationField field;
} TextField;

/* clang-format off */
static const TextField text_fields[] = {
  { "board-name", LS_NOTIFICATION_FIELD_BOARD_NAME },
  { "board-municipality", LS_NOTIFICATION_FIELD_BOARD_MUNICIPALITY },
  { "provider-name", LS_NOTIFICATION_FIELD_PROVIDER_NAME },
  { "contact-name", LS_NOTIFICATION_FIELD_CONTACT_NAME },
  { "contact-title", LS_NOTIFICATION_FIELD_CONTACT_TITLE },
  { "workplace", LS_NOTIFICATION_FIELD_WORKPLACE },
  { "postal-address", LS_NOTIFICATION_FIELD_POSTAL_ADDRESS },
  { "postcode", LS_NOTIFICATION_FIELD_POSTCODE },
  { "town", LS_NOTIFICATION_FIELD_TOWN },
  { "phone", LS_NOTIFICATION_FIELD_PHONE },
  { "email", LS_NOTIFICATION_FIELD_EMAIL },
  { "unit-name", LS_NOTIFICATION_FIELD_UNIT },
  { "activity", LS_NOTIFICATION_FIELD_ACTIVITY_TYPE },
  { "unit-street-address", LS_NOTIFICATION_FIELD_UNIT_STREET },
  { "unit-postcode", LS_NOTIFICATION_FIELD_UNIT_POSTCODE },
  { "unit-town", LS_NOTIFICATION_FIELD_UNIT_TOWN },
  { "unit-phone", LS_NOTIFICATION_FIELD_UNIT_PHONE },
  { "occurred", LS_NOTIFICATION_FIELD_OCCURRED },
  { "description", LS_NOTIFICATION_FIELD_DESCRIPTION },
  { "other-attachments", LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT },
  { "organisation-staffing", LS_NOTIFICATION_FIELD_ORGANISATION_STAFFING },
  { "staff-details", LS_NOTIFICATION_FIELD_STAFF_DETAILS },
  { "actions", LS_NOTIFICATION_FIELD_ACTIONS },
  { "signatory", LS_NOTIFICATION_FIELD_NAME_IN_PRINT },
};
/* clang-format on */

#define FIELD_KEY "ls-notification-field"

typedef struct
{
  GPtrArray *fields; /* the text rows of this page */
} LsNotificationPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (LsNotificationPage,
                            ls_notification_page,
                            LS_TYPE_WIZARD_PAGE)

#define PRIV(self)                                                             \
  ((LsNotificationPagePrivate *) ls_notification_page_get_instance_private (   \
      LS_NOTIFICATION_PAGE (self)))

static const TextField *
field_of (GtkWidget *widget)
{
  guint index =
      GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), FIELD_KEY));

  g_assert (index > 0 && index <= G_N_ELEMENTS (text_fields));
  return &text_fields[index - 1];
}

/* Whether @text can be stored in @field; if not, why. */
static gboolean
validate (const TextField *field, const char *text, GError **error)
{
  GParamSpec *pspec = g_object_class_find_property (
      g_type_class_peek (LS_TYPE_NOTIFICATION), field->property);

  return ls_field_validate (ls_field_get_kind (pspec), text, error);
}

/* The row says at once when what is typed cannot be stored; the case
 * gets it only when the page is left.  Run after the row's own handler,
 * which clears its mark at every change. */
static void
field_changed_cb (LsNotificationPage *self, GtkEditable *editable)
{
  LsCase *lcase = ls_wizard_page_get_case (LS_WIZARD_PAGE (self));
  g_autofree char *text = ls_rows_dup_text (GTK_WIDGET (editable));
  g_autoptr (GError) error = NULL;

  if (lcase == NULL || ls_notification_page_is_sent (lcase))
    return;
  validate (field_of (GTK_WIDGET (editable)), text, &error);
  ls_row_set_error (GTK_WIDGET (editable),
                    error != NULL ? error->message : NULL);
}

static void
collect_fields (LsNotificationPage *self, GtkWidget *widget)
{
  const char *name = gtk_widget_get_name (widget);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    if (g_strcmp0 (name, text_fields[i].property) == 0)
      {
        g_object_set_data (G_OBJECT (widget), FIELD_KEY,
                           GUINT_TO_POINTER (i + 1));
        g_ptr_array_add (PRIV (self)->fields, widget);
        if (ADW_IS_ENTRY_ROW (widget))
          g_signal_connect_object (widget, "changed",
                                   G_CALLBACK (field_changed_cb), self,
                                   G_CONNECT_SWAPPED | G_CONNECT_AFTER);
        return;
      }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_fields (self, child);
}

/* The field of @path, "notification.postal_address", on this page. */
static GtkWidget *
find_path (LsNotificationPage *self, const char *path)
{
  g_autofree char *property = NULL;

  if (path == NULL || !g_str_has_prefix (path, "notification."))
    return NULL;
  property =
      g_strdelimit (g_strdup (path + strlen ("notification.")), "_", '-');
  return ls_notification_page_get_field (self, property);
}

static void
ls_notification_page_setup (LsWizardPage *page)
{
  LsNotificationPage *self = LS_NOTIFICATION_PAGE (page);

  /* A page of text rows only: its rows are in the .ui of its name. */
  if (G_OBJECT_TYPE (self) == LS_TYPE_NOTIFICATION_PAGE)
    {
      g_autofree char *path = g_strdup_printf (
          "/com/example/LexSarah/gui/notification/ls-notification-%s-page.ui",
          ls_wizard_page_get_name (page));
      g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource (path);

      adw_bin_set_child (ADW_BIN (self),
                         GTK_WIDGET (gtk_builder_get_object (builder, "page")));
    }
  collect_fields (self, GTK_WIDGET (self));
}

static void
ls_notification_page_load (LsWizardPage *page, LsCase *lcase)
{
  LsNotification *notification = ls_case_get_notification (lcase);
  GPtrArray *fields = PRIV (page)->fields;
  gboolean editable = !ls_notification_page_is_sent (lcase);

  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (fields, i);
      g_autofree char *value = NULL;

      g_object_get (notification, field_of (widget)->property, &value, NULL);
      ls_rows_set_text (widget, value);
      if (GTK_IS_TEXT_VIEW (widget))
        /* The caret stays, to move through and select the text by
         * keyboard. */
        gtk_text_view_set_editable (GTK_TEXT_VIEW (widget), editable);
      else
        gtk_editable_set_editable (GTK_EDITABLE (widget), editable);
    }
}

/* A sent notification is kept as it was sent: nothing is read.  Text that
 * cannot be stored is left on its row, marked, whatever the mode; nothing
 * is required to go on, as the send page lists what the form lacks. */
static gboolean
ls_notification_page_commit (LsWizardPage *page,
                             LsCase *target,
                             LsWizardCommit mode,
                             GDateTime *now,
                             GtkWidget **first_bad)
{
  LsNotification *notification = ls_case_get_notification (target);
  GPtrArray *fields = PRIV (page)->fields;
  gboolean ok = TRUE;

  if (ls_notification_page_is_sent (target))
    return TRUE;
  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (fields, i);
      const TextField *field = field_of (widget);
      g_autofree char *text = ls_rows_dup_text (widget);
      g_autoptr (GError) error = NULL;

      if (!validate (field, text, &error))
        {
          if (ADW_IS_ENTRY_ROW (widget))
            ok = ls_row_mark_bad (widget, error->message, first_bad);
          continue;
        }
      g_object_set (notification, field->property, text, NULL);
    }
  return ok;
}

static GtkWidget *
ls_notification_page_mark_invalid (LsWizardPage *page,
                                   LsCase *lcase,
                                   const char *path,
                                   const char *message)
{
  GtkWidget *row = find_path (LS_NOTIFICATION_PAGE (page), path);

  if (row == NULL || !ADW_IS_ENTRY_ROW (row))
    return NULL;
  ls_row_set_error (row, message);
  return row;
}

static gboolean
ls_notification_page_revert (LsWizardPage *page,
                             LsCase *target,
                             LsCase *stored,
                             const char *path)
{
  GtkWidget *row = find_path (LS_NOTIFICATION_PAGE (page), path);
  const char *property;
  g_autofree char *value = NULL;

  if (row == NULL)
    return FALSE;
  property = field_of (row)->property;
  g_object_get (ls_case_get_notification (stored), property, &value, NULL);
  g_object_set (ls_case_get_notification (target), property, value, NULL);
  return TRUE;
}

/* A link to the notification opens the form's first page until it is
 * sent, and then the page where it was sent. */
static gboolean
ls_notification_page_is_complete (LsWizardPage *page, LsCase *lcase)
{
  return ls_notification_page_is_sent (lcase);
}

static gboolean
ls_notification_page_real_find_missing (LsNotificationPage *self,
                                        const char *missing,
                                        GtkWidget **focus)
{
  GPtrArray *fields = PRIV (self)->fields;

  for (guint i = 0; i < fields->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (fields, i);

      if (g_strcmp0 (missing, ls_notification_field_get_name (
                                  field_of (widget)->field)) == 0)
        {
          *focus = widget;
          return TRUE;
        }
    }
  return FALSE;
}

static void
ls_notification_page_finalize (GObject *object)
{
  g_clear_pointer (&PRIV (object)->fields, g_ptr_array_unref);

  G_OBJECT_CLASS (ls_notification_page_parent_class)->finalize (object);
}

static void
ls_notification_page_class_init (LsNotificationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  LsWizardPageClass *page_class = LS_WIZARD_PAGE_CLASS (klass);

  object_class->finalize = ls_notification_page_finalize;
  page_class->setup = ls_notification_page_setup;
  page_class->load = ls_notification_page_load;
  page_class->commit = ls_notification_page_commit;
  page_class->mark_invalid = ls_notification_page_mark_invalid;
  page_class->revert = ls_notification_page_revert;
  page_class->is_complete = ls_notification_page_is_complete;
  klass->find_missing = ls_notification_page_real_find_missing;
}

static void
ls_notification_page_init (LsNotificationPage *self)
{
  PRIV (self)->fields = g_ptr_array_new ();
}

/**
 * ls_notification_page_is_sent:
 *
 * Returns: whether the notification of @lcase is sent, and so can no
 *   longer be changed
 */
gboolean
ls_notification_page_is_sent (LsCase *lcase)
{
  g_return_val_if_fail (LS_IS_CASE (lcase), FALSE);

  return ls_notification_get_submitted_on (ls_case_get_notification (lcase)) !=
         NULL;
}

/**
 * ls_notification_page_get_field:
 * @property: a text property of #LsNotification
 *
 * Returns: (transfer none) (nullable): the row of @property on this page
 */
GtkWidget *
ls_notification_page_get_field (LsNotificationPage *self, const char *property)
{
  GPtrArray *fields;

  g_return_val_if_fail (LS_IS_NOTIFICATION_PAGE (self), NULL);

  fields = PRIV (self)->fields;
  for (guint i = 0; i < fields->len; i++)
    if (g_strcmp0 (field_of (g_ptr_array_index (fields, i))->property,
                   property) == 0)
      return g_ptr_array_index (fields, i);
  return NULL;
}

/**
 * ls_notification_page_find_missing:
 * @focus: (out) (transfer none) (nullable): where it is filled in
 *
 * Returns: whether the part of the form @missing is filled in on this page
 */
gboolean
ls_notification_page_find_missing (LsNotificationPage *self,
                                   const char *missing,
                                   GtkWidget **focus)
{
  g_return_val_if_fail (LS_IS_NOTIFICATION_PAGE (self), FALSE);
  g_return_val_if_fail (focus != NULL, FALSE);

  *focus = NULL;
  return LS_NOTIFICATION_PAGE_GET_CLASS (self)->find_missing (self, missing,
                                                              focus);
}

/**
 * ls_notification_page_lock_row:
 * @control: a check button or switch, or its row
 *
 * A sent notification's choices stay readable but can no longer be
 * changed: the row that holds @control follows @editable.
 */
void
ls_notification_page_lock_row (GtkWidget *control, gboolean editable)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_WIDGET (control));

  row = gtk_widget_get_ancestor (control, ADW_TYPE_ACTION_ROW);
  gtk_widget_set_sensitive (row != NULL ? row : control, editable);
}

/**
 * ls_notification_page_check_day:
 * @row: an entry row with a day
 * @now: (nullable): the day may not be after it
 * @earliest: (nullable): the first day it may be
 * @too_early: (nullable): what to say when it is before @earliest
 * @day: (out) (optional) (transfer full): the day, for storing; %NULL when
 *   the row is empty
 *
 * Returns: (transfer full) (nullable): what is wrong with the day typed
 *   into @row, or %NULL when it is good or empty
 */
char *
ls_notification_page_check_day (GtkWidget *row,
                                GDateTime *now,
                                const char *earliest,
                                const char *too_early,
                                char **day)
{
  g_autofree char *text = ls_rows_dup_text (row);
  g_autofree char *parsed = NULL;
  g_autoptr (GError) error = NULL;

  if (day != NULL)
    *day = NULL;
  if (ls_field_is_blank (text))
    return NULL;
  parsed = ls_dates_parse_user (text, LS_DATES_DATE, &error);
  if (parsed == NULL)
    return g_strdup (error->message);
  if (now != NULL && ls_dates_is_future (parsed, now))
    return g_strdup (_ ("The date lies in the future."));
  if (earliest != NULL && ls_dates_compare (parsed, earliest) < 0)
    return g_strdup (too_early);
  if (day != NULL)
    *day = g_steal_pointer (&parsed);
  return NULL;
}
