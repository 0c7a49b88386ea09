/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-digest-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-dates.h"
#include "ls-digest-view.h"
#include "ls-enum-types.h"
#include "ls-law.h"
#include "ls-names.h"
#include "ls-view-load.h"

/* The learning digest as the user sees it before it is exported: exactly
 * the pseudonymised text the PDF carries, made off the main loop by
 * ls_digest_new_from_store_async(). */

#define MAX_SHOWN 60

struct _LsDigestView
{
  AdwBin parent_instance;

  LsStore *store;
  LsDigest *digest;
  LsViewLoad load;

  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkBox *groups_box;
};

G_DEFINE_FINAL_TYPE (LsDigestView, ls_digest_view, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_DIGEST,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
make_label (const char *text, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* A caption and its text; nothing where the text is empty. */
static void
add_field (GtkBox *box, const char *caption, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  gtk_box_append (box, make_label (caption, "caption-heading"));
  gtk_box_append (box, make_label (text, NULL));
}

static char *
dup_causes (LsDigestEntry *entry)
{
  guint n_categories;
  const LsChoice *categories = ls_law_get_cause_categories (&n_categories);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entry->causes->len; i++)
    {
      LsDigestCause *cause = g_ptr_array_index (entry->causes, i);
      const LsChoice *choice =
          cause->category != NULL
              ? ls_law_find_choice (categories, n_categories, cause->category)
              : NULL;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s",
                              choice != NULL ? _ (choice->name) : _ ("Other"),
                              cause->description ? cause->description : "–");
    }
  return g_string_free (text, FALSE);
}

static char *
dup_follow_up (LsDigestAction *action)
{
  const LsChoice *outcome =
      ls_names_find (LS_TYPE_EFFECT_OUTCOME, action->outcome);

  return g_strdup_printf ("%s · %s",
                          !action->evaluated ? _ ("Effect not yet followed up")
                          : outcome != NULL  ? _ (outcome->name)
                                             : "–",
                          action->individual_asked
                              ? _ ("individual or next of kin asked")
                              : _ ("individual or next of kin not asked"));
}

static GtkWidget *
make_entry (LsDigestEntry *entry)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  const LsChoice *kind = ls_names_find (LS_TYPE_CASE_KIND, entry->kind);
  g_autofree char *concluded = ls_dates_format_display (entry->concluded_on);
  g_autofree char *subtitle = g_strdup_printf (
      "%s · %s", kind != NULL && kind->name ? _ (kind->name) : "–",
      concluded != NULL ? concluded : "–");
  g_autofree char *causes = dup_causes (entry);

  /* Room inside the card, as libadwaita's boxed lists have. */
  gtk_widget_add_css_class (card, "card");
  g_object_set (inner, "margin-top", 12, "margin-bottom", 12, "margin-start",
                14, "margin-end", 14, NULL);
  gtk_box_append (GTK_BOX (card), inner);
  gtk_box_append (
      GTK_BOX (inner),
      make_label (entry->unit ? entry->unit : _ ("No unit given"), "heading"));
  gtk_box_append (GTK_BOX (inner), make_label (subtitle, "dim-label"));
  add_field (GTK_BOX (inner), _ ("What happened"), entry->what_happened);
  add_field (GTK_BOX (inner), _ ("Causes"), causes);
  add_field (GTK_BOX (inner), _ ("Lessons learned"), entry->lessons);
  for (guint i = 0; i < entry->actions->len; i++)
    {
      LsDigestAction *action = g_ptr_array_index (entry->actions, i);
      g_autofree char *follow_up = dup_follow_up (action);

      add_field (GTK_BOX (inner), _ ("Preventive action"), action->description);
      add_field (GTK_BOX (inner), _ ("Effect for the individual"),
                 action->effect);
      gtk_box_append (GTK_BOX (inner), make_label (follow_up, "dim-label"));
    }
  return card;
}

/* The view shows the first cases of each group, at most MAX_SHOWN in all,
 * so that a year of a large organisation does not make thousands of
 * widgets on the main loop; the PDF holds every case. */
static void
show_digest (LsDigestView *self)
{
  GtkWidget *child;
  GPtrArray *groups = ls_digest_get_groups (self->digest);
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  for (guint g = 0; g < groups->len; g++)
    {
      LsDigestGroup *group = g_ptr_array_index (groups, g);
      guint n = MIN (group->entries->len,
                     MAX (MAX_SHOWN / groups->len, MAX_SHOWN / 10));
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

      gtk_box_append (GTK_BOX (box), make_label (group->name, "title-4"));
      for (guint e = 0; e < n; e++)
        gtk_box_append (GTK_BOX (box),
                        make_entry (g_ptr_array_index (group->entries, e)));
      if (n < group->entries->len)
        {
          guint more = group->entries->len - n;
          g_autofree char *text = g_strdup_printf (
              g_dngettext (GETTEXT_PACKAGE,
                           "%u more case is in the PDF of the digest.",
                           "%u more cases are in the PDF of the digest.", more),
              more);

          gtk_box_append (GTK_BOX (box), make_label (text, "dim-label"));
        }
      gtk_box_append (self->groups_box, box);
      shown += n;
    }
  g_debug ("Shown %u of %u cases", shown,
           ls_digest_get_n_entries (self->digest));
  gtk_stack_set_visible_child_name (
      self->stack,
      ls_digest_get_n_entries (self->digest) > 0 ? "content" : "empty");
}

static void
digest_made (gpointer view, gpointer digest)
{
  LsDigestView *self = view;

  g_clear_object (&self->digest);
  self->digest = digest;
  if (digest != NULL)
    show_digest (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIGEST]);
}

static void
ls_digest_view_dispose (GObject *object)
{
  LsDigestView *self = LS_DIGEST_VIEW (object);

  ls_view_load_cancel (&self->load);
  g_clear_object (&self->store);
  g_clear_object (&self->digest);

  G_OBJECT_CLASS (ls_digest_view_parent_class)->dispose (object);
}

static void
ls_digest_view_get_property (GObject *object,
                             guint prop_id,
                             GValue *value,
                             GParamSpec *pspec)
{
  LsDigestView *self = LS_DIGEST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_DIGEST:
      g_value_set_object (value, self->digest);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->load.loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_digest_view_set_property (GObject *object,
                             guint prop_id,
                             const GValue *value,
                             GParamSpec *pspec)
{
  LsDigestView *self = LS_DIGEST_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_digest_view_class_init (LsDigestViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ls_digest_view_dispose;
  object_class->get_property = ls_digest_view_get_property;
  object_class->set_property = ls_digest_view_set_property;

  properties[PROP_STORE] = g_param_spec_object (
      "store", NULL, NULL, LS_TYPE_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIGEST] = g_param_spec_object (
      "digest", NULL, NULL, LS_TYPE_DIGEST,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean (
      "loading", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-digest-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LsDigestView, stack);
  gtk_widget_class_bind_template_child (widget_class, LsDigestView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LsDigestView, error_page);
  gtk_widget_class_bind_template_child (widget_class, LsDigestView, groups_box);
}

static void
ls_digest_view_init (LsDigestView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_view_load_init (&self->load, self, properties[PROP_LOADING], self->spinner,
                     self->stack, self->error_page,
                     (LsViewLoadFinish) ls_digest_new_from_store_finish,
                     digest_made);
}

GtkWidget *
ls_digest_view_new (LsStore *store)
{
  g_return_val_if_fail (LS_IS_STORE (store), NULL);

  return g_object_new (LS_TYPE_DIGEST_VIEW, "store", store, NULL);
}

/**
 * ls_digest_view_set_query:
 *
 * Makes the digest of the investigations concluded in the query's period
 * and units, off the main loop; a query given before the last is done
 * cancels it.
 */
void
ls_digest_view_set_query (LsDigestView *self, const LsStatisticsQuery *query)
{
  g_return_if_fail (LS_IS_DIGEST_VIEW (self));
  g_return_if_fail (query != NULL);

  ls_digest_new_from_store_async (self->store, query,
                                  ls_view_load_start (&self->load, TRUE),
                                  ls_view_load_ready, &self->load);
}

/**
 * ls_digest_view_get_digest:
 *
 * Returns: (transfer none) (nullable): the digest shown
 */
LsDigest *
ls_digest_view_get_digest (LsDigestView *self)
{
  g_return_val_if_fail (LS_IS_DIGEST_VIEW (self), NULL);

  return self->digest;
}

gboolean
ls_digest_view_get_loading (LsDigestView *self)
{
  g_return_val_if_fail (LS_IS_DIGEST_VIEW (self), FALSE);

  return self->load.loading;
}
