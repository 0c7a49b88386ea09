/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-text-field"

#include "config.h"

#include "ls-rows.h"
#include "ls-text-field.h"

/* A few lines of free text (what happened, a conclusion) with its title
 * above and, when something is wrong, the explanation below: the
 * counterpart of an entry row for text that does not fit on one line.
 * Its title is the mnemonic and the accessible name of the text. */

struct _LsTextField
{
  GtkWidget parent_instance;

  GtkLabel *title_label;
  GtkFrame *frame;
  GtkTextView *view;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (LsTextField, ls_text_field, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
buffer_changed_cb (LsTextField *self)
{
  /* The mark goes as soon as the user corrects; the check runs again when
   * the step is left. */
  ls_text_field_set_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

static gboolean
ls_text_field_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LS_TEXT_FIELD (widget)->view));
}

static void
ls_text_field_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LS_TYPE_TEXT_FIELD);

  G_OBJECT_CLASS (ls_text_field_parent_class)->dispose (object);
}

static void
ls_text_field_get_property (GObject *object,
                            guint prop_id,
                            GValue *value,
                            GParamSpec *pspec)
{
  LsTextField *self = LS_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, ls_text_field_get_title (self));
      break;
    case PROP_TEXT:
      g_value_take_string (value, ls_text_field_dup_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_text_field_set_property (GObject *object,
                            guint prop_id,
                            const GValue *value,
                            GParamSpec *pspec)
{
  LsTextField *self = LS_TEXT_FIELD (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ls_text_field_set_title (self, g_value_get_string (value));
      break;
    case PROP_TEXT:
      ls_text_field_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_text_field_class_init (LsTextFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_text_field_dispose;
  object_class->get_property = ls_text_field_get_property;
  object_class->set_property = ls_text_field_set_property;
  widget_class->grab_focus = ls_text_field_grab_focus;

  properties[PROP_TITLE] = g_param_spec_string (
      "title", "Title", "What the text is about, with a mnemonic", NULL,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] = g_param_spec_string (
      "text", "Text", "The text, without surrounding blanks; NULL when empty",
      NULL,
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-text-field.ui");
  gtk_widget_class_bind_template_child (widget_class, LsTextField, title_label);
  gtk_widget_class_bind_template_child (widget_class, LsTextField, frame);
  gtk_widget_class_bind_template_child (widget_class, LsTextField, view);
  gtk_widget_class_bind_template_child (widget_class, LsTextField, error_label);
  gtk_widget_class_set_accessible_role (widget_class,
                                        GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ls_text_field_init (LsTextField *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->title_label, NULL, -1);
  g_signal_connect_object (gtk_text_view_get_buffer (self->view), "changed",
                           G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
ls_text_field_new (void)
{
  return g_object_new (LS_TYPE_TEXT_FIELD, NULL);
}

const char *
ls_text_field_get_title (LsTextField *self)
{
  g_return_val_if_fail (LS_IS_TEXT_FIELD (self), NULL);

  return gtk_label_get_label (self->title_label);
}

void
ls_text_field_set_title (LsTextField *self, const char *title)
{
  g_return_if_fail (LS_IS_TEXT_FIELD (self));

  if (g_strcmp0 (title, gtk_label_get_label (self->title_label)) == 0)
    return;
  gtk_label_set_label (self->title_label, title != NULL ? title : "");
  gtk_widget_set_visible (GTK_WIDGET (self->title_label),
                          title != NULL && *title != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * ls_text_field_dup_text:
 *
 * Returns: (transfer full) (nullable): the text without surrounding
 *   blanks, %NULL when nothing but blanks is written, as the model stores
 *   an empty field
 */
char *
ls_text_field_dup_text (LsTextField *self)
{
  g_return_val_if_fail (LS_IS_TEXT_FIELD (self), NULL);

  return ls_rows_dup_text (GTK_WIDGET (self->view));
}

void
ls_text_field_set_text (LsTextField *self, const char *text)
{
  g_return_if_fail (LS_IS_TEXT_FIELD (self));

  ls_rows_set_text (GTK_WIDGET (self->view), text);
}

/**
 * ls_text_field_set_error:
 * @message: (nullable): what is wrong, or %NULL to clear the mark
 *
 * Marks the field red with @message below it, and tells assistive
 * technology the same.  What was written stays.
 */
void
ls_text_field_set_error (LsTextField *self, const char *message)
{
  g_return_if_fail (LS_IS_TEXT_FIELD (self));

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message == NULL)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->frame), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->title_label), "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->view),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_STATE_INVALID);
      return;
    }
  gtk_label_set_text (self->error_label, message);
  gtk_widget_add_css_class (GTK_WIDGET (self->frame), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->view),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
}

/**
 * ls_text_field_get_error:
 *
 * Returns: (nullable): the message the field is marked with
 */
const char *
ls_text_field_get_error (LsTextField *self)
{
  g_return_val_if_fail (LS_IS_TEXT_FIELD (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

gboolean
ls_text_field_has_error (LsTextField *self)
{
  g_return_val_if_fail (LS_IS_TEXT_FIELD (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label));
}
