/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-statistics-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ls-chart-widget.h"
#include "ls-digest-document.h"
#include "ls-export.h"
#include "ls-form-export.h"
#include "ls-period-chooser.h"
#include "ls-print-operation.h"
#include "ls-statistics-document.h"
#include "ls-statistics-view.h"
#include "ls-store-statistics.h"
#include "ls-view-load.h"

/* Statistics and the learning digest over a period and a set of units, in
 * a window of their own: each table as a chart with the table beneath it,
 * and the pseudonymised digest as it will be exported.  The store counts
 * off the main loop; a newer choice cancels the count under way. */

struct _LsStatisticsView
{
  AdwWindow parent_instance;

  LsStore *store;
  LsOrganisation *organisation;
  LsStatistics *statistics;
  LsStatisticsQuery *query;
  LsViewLoad load; /* its cancellable also the exports' */
  /* The digest is made when its page is shown: it reads every case of
   * the period whole. */
  gboolean digest_stale;

  AdwToastOverlay *toast_overlay;
  AdwViewStack *stack;
  GtkStack *statistics_stack;
  GtkSpinner *spinner;
  GtkBox *tables_box;
  AdwStatusPage *error_page;
  AdwBin *digest_bin;
  LsDigestView *digest_view;
  LsPeriodChooser *chooser;
};

G_DEFINE_FINAL_TYPE (LsStatisticsView, ls_statistics_view, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_ORGANISATION,
  PROP_STATISTICS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (LsStatisticsView *self, const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ---- The tables ------------------------------------------------------ */

static GtkWidget *
make_cell (const char *text, gboolean heading, gboolean number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  gtk_widget_set_hexpand (label, !number);
  if (heading)
    gtk_widget_add_css_class (label, "caption-heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

/* The table beneath its chart: what a screen reader reads, and what
 * anyone reads who wants the figures. */
static GtkWidget *
make_table_grid (const LsStatisticsTable *table)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_attach (GTK_GRID (grid), make_cell (table->dimension, TRUE, FALSE),
                   0, 0, 1, 1);
  for (guint c = 0; c < table->n_columns; c++)
    gtk_grid_attach (GTK_GRID (grid), make_cell (table->columns[c], TRUE, TRUE),
                     c + 1, 0, 1, 1);
  for (guint r = 0; r < table->rows->len; r++)
    {
      const LsStatisticsRow *row = g_ptr_array_index (table->rows, r);

      gtk_grid_attach (GTK_GRID (grid), make_cell (row->label, FALSE, FALSE), 0,
                       r + 1, 1, 1);
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *value = ls_statistics_format_value (row->values[c]);

          gtk_grid_attach (GTK_GRID (grid),
                           make_cell (*value ? value : "–", FALSE, TRUE), c + 1,
                           r + 1, 1, 1);
        }
    }
  return grid;
}

static void
show_statistics (LsStatisticsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tables_box))))
    gtk_box_remove (self->tables_box, child);
  for (guint i = 0; i < ls_statistics_get_n_tables (self->statistics); i++)
    {
      const LsStatisticsTable *table =
          ls_statistics_get_table (self->statistics, i);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      GtkWidget *title = gtk_label_new (table->title);

      /* Room inside the card, as libadwaita's boxed lists have. */
      gtk_widget_add_css_class (card, "card");
      g_object_set (inner, "margin-top", 12, "margin-bottom", 12,
                    "margin-start", 14, "margin-end", 14, NULL);
      gtk_box_append (GTK_BOX (card), inner);
      gtk_widget_add_css_class (title, "title-4");
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_box_append (GTK_BOX (inner), title);
      gtk_box_append (GTK_BOX (inner),
                      ls_chart_widget_new (self->statistics, table->id));
      gtk_box_append (GTK_BOX (inner), make_table_grid (table));
      gtk_box_append (self->tables_box, card);
    }
  gtk_stack_set_visible_child_name (self->statistics_stack, "content");
}

static void
computed (gpointer view, gpointer statistics)
{
  LsStatisticsView *self = view;

  g_clear_object (&self->statistics);
  self->statistics = statistics;
  if (statistics != NULL)
    show_statistics (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATISTICS]);
}

static gboolean showing_digest (LsStatisticsView *self);

static void
update_digest (LsStatisticsView *self)
{
  if (!self->digest_stale || !showing_digest (self) || self->query == NULL)
    return;
  self->digest_stale = FALSE;
  ls_digest_view_set_query (self->digest_view, self->query);
}

static void
reload (LsStatisticsView *self)
{
  ls_store_compute_statistics_async (self->store, self->query,
                                     ls_view_load_start (&self->load, TRUE),
                                     ls_view_load_ready, &self->load);
  self->digest_stale = TRUE;
  update_digest (self);
}

/* ---- The choice ------------------------------------------------------ */

static void
chooser_changed_cb (LsStatisticsView *self)
{
  g_autoptr (GError) error = NULL;
  LsStatisticsQuery *query =
      ls_period_chooser_dup_query (self->chooser, &error);

  if (query == NULL)
    {
      if (error != NULL)
        show_toast (self, error->message);
      return;
    }
  ls_statistics_query_free (self->query);
  self->query = query;
  reload (self);
}

/* ---- Export ---------------------------------------------------------- */

static gboolean
showing_digest (LsStatisticsView *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->stack),
                    "digest") == 0;
}

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsStatisticsView) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok = LS_IS_STATISTICS (source)
                    ? ls_statistics_write_csv_finish (LS_STATISTICS (source),
                                                      result, &error)
                    : ls_form_export_pdf_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_toast (self, ok ? _ ("Saved") : error->message);
}

static void
csv_chosen (GFile *file, gpointer user_data)
{
  LsStatisticsView *self = user_data;

  ls_statistics_write_csv_async (self->statistics, file, self->load.cancellable,
                                 exported_cb, g_object_ref (self));
}

static void
export_csv_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsStatisticsView *self = LS_STATISTICS_VIEW (widget);

  if (self->statistics == NULL)
    return;
  ls_export_choose_file (GTK_WINDOW (self), _ ("Export the Statistics as CSV"),
                         _ ("statistics.csv"), _ ("CSV files"), "text/csv",
                         csv_chosen, g_object_ref (self), g_object_unref);
}

typedef struct
{
  LsStatistics *statistics;
  LsDigest *digest;
  char *organisation_name;
} Export;

static void
export_free (gpointer data)
{
  Export *export = data;

  g_clear_object (&export->statistics);
  g_clear_object (&export->digest);
  g_free (export->organisation_name);
  g_free (export);
}

static LsFormDocument *
build_document (gpointer data)
{
  Export *export = data;

  if (export->digest != NULL)
    return ls_digest_document_build (export->digest);
  return ls_statistics_document_build (export->statistics,
                                       export->organisation_name);
}

/* What the visible page exports, or %NULL while it has nothing. */
static Export *
export_new (LsStatisticsView *self)
{
  LsDigest *digest = ls_digest_view_get_digest (self->digest_view);
  Export *export;

  if (showing_digest (self) ? digest == NULL : self->statistics == NULL)
    return NULL;
  export = g_new0 (Export, 1);
  if (showing_digest (self))
    export->digest = g_object_ref (digest);
  else
    export->statistics = g_object_ref (self->statistics);
  export->organisation_name =
      g_strdup (ls_organisation_get_name (self->organisation));
  return export;
}

typedef struct
{
  LsStatisticsView *self;
  Export *export;
} PdfChoice;

static void
pdf_choice_free (gpointer data)
{
  PdfChoice *choice = data;

  g_object_unref (choice->self);
  if (choice->export != NULL)
    export_free (choice->export);
  g_free (choice);
}

static void
pdf_chosen (GFile *file, gpointer user_data)
{
  PdfChoice *choice = user_data;

  ls_form_export_pdf_async (build_document, g_steal_pointer (&choice->export),
                            export_free, file, choice->self->load.cancellable,
                            exported_cb, g_object_ref (choice->self));
}

static void
save_pdf_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsStatisticsView *self = LS_STATISTICS_VIEW (widget);
  PdfChoice *choice;
  Export *export = export_new (self);

  if (export == NULL)
    return;
  choice = g_new0 (PdfChoice, 1);
  choice->self = g_object_ref (self);
  choice->export = export;
  ls_export_choose_file (
      GTK_WINDOW (self),
      export->digest != NULL ? _ ("Save the Learning Digest as PDF")
                             : _ ("Save the Statistics as PDF"),
      export->digest != NULL ? _ ("learning digest.pdf") : _ ("statistics.pdf"),
      _ ("PDF documents"), "application/pdf", pdf_chosen, choice,
      pdf_choice_free);
}

static void
printed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LsStatisticsView) self = user_data;
  g_autoptr (GError) error = NULL;

  if (ls_print_operation_print_finish (LS_PRINT_OPERATION (source), result,
                                       &error) ==
          GTK_PRINT_OPERATION_RESULT_ERROR &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_toast (self, error->message);
}

static void
print_cb (GtkWidget *widget, const char *action_name, GVariant *param)
{
  LsStatisticsView *self = LS_STATISTICS_VIEW (widget);
  Export *export = export_new (self);
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (LsPrintOperation) operation = NULL;

  if (export == NULL)
    return;
  /* Printing draws in the main thread, where the document is built. */
  doc = build_document (export);
  export_free (export);
  operation = ls_print_operation_new (doc);
  ls_print_operation_print_async (operation, GTK_WINDOW (self),
                                  self->load.cancellable, printed_cb,
                                  g_object_ref (self));
}

/* ---- The object ------------------------------------------------------ */

static void
ls_statistics_view_constructed (GObject *object)
{
  LsStatisticsView *self = LS_STATISTICS_VIEW (object);

  G_OBJECT_CLASS (ls_statistics_view_parent_class)->constructed (object);

  self->digest_view = LS_DIGEST_VIEW (ls_digest_view_new (self->store));
  adw_bin_set_child (self->digest_bin, GTK_WIDGET (self->digest_view));
  ls_period_chooser_set_organisation (self->chooser, self->organisation);
  chooser_changed_cb (self);
}

static void
ls_statistics_view_dispose (GObject *object)
{
  LsStatisticsView *self = LS_STATISTICS_VIEW (object);

  ls_view_load_cancel (&self->load);
  g_clear_object (&self->store);
  g_clear_object (&self->organisation);
  g_clear_object (&self->statistics);
  g_clear_pointer (&self->query, ls_statistics_query_free);

  G_OBJECT_CLASS (ls_statistics_view_parent_class)->dispose (object);
}

static void
ls_statistics_view_get_property (GObject *object,
                                 guint prop_id,
                                 GValue *value,
                                 GParamSpec *pspec)
{
  LsStatisticsView *self = LS_STATISTICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ORGANISATION:
      g_value_set_object (value, self->organisation);
      break;
    case PROP_STATISTICS:
      g_value_set_object (value, self->statistics);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->load.loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_statistics_view_set_property (GObject *object,
                                 guint prop_id,
                                 const GValue *value,
                                 GParamSpec *pspec)
{
  LsStatisticsView *self = LS_STATISTICS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ORGANISATION:
      self->organisation = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_statistics_view_class_init (LsStatisticsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ls_statistics_view_constructed;
  object_class->dispose = ls_statistics_view_dispose;
  object_class->get_property = ls_statistics_view_get_property;
  object_class->set_property = ls_statistics_view_set_property;

  properties[PROP_STORE] = g_param_spec_object (
      "store", NULL, NULL, LS_TYPE_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGANISATION] = g_param_spec_object (
      "organisation", NULL, NULL, LS_TYPE_ORGANISATION,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATISTICS] = g_param_spec_object (
      "statistics", NULL, NULL, LS_TYPE_STATISTICS,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] = g_param_spec_boolean (
      "loading", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LS_TYPE_DIGEST_VIEW);
  g_type_ensure (LS_TYPE_PERIOD_CHOOSER);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/com/example/LexSarah/gui/ls-statistics-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LsStatisticsView,
                                        toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LsStatisticsView, stack);
  gtk_widget_class_bind_template_child (widget_class, LsStatisticsView,
                                        statistics_stack);
  gtk_widget_class_bind_template_child (widget_class, LsStatisticsView,
                                        spinner);
  gtk_widget_class_bind_template_child (widget_class, LsStatisticsView,
                                        tables_box);
  gtk_widget_class_bind_template_child (widget_class, LsStatisticsView,
                                        error_page);
  gtk_widget_class_bind_template_child (widget_class, LsStatisticsView,
                                        digest_bin);
  gtk_widget_class_bind_template_child (widget_class, LsStatisticsView,
                                        chooser);
  gtk_widget_class_bind_template_callback (widget_class, chooser_changed_cb);

  gtk_widget_class_install_action (widget_class, "stats.export-csv", NULL,
                                   export_csv_cb);
  gtk_widget_class_install_action (widget_class, "stats.save-pdf", NULL,
                                   save_pdf_cb);
  gtk_widget_class_install_action (widget_class, "stats.print", NULL, print_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w,
                                       GDK_CONTROL_MASK, "window.close", NULL);
}

static void
ls_statistics_view_init (LsStatisticsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ls_view_load_init (&self->load, self, properties[PROP_LOADING], self->spinner,
                     self->statistics_stack, self->error_page,
                     (LsViewLoadFinish) ls_store_compute_statistics_finish,
                     computed);

  /* The first count is made once, in constructed(), with the units. */
  g_signal_connect_swapped (self->stack, "notify::visible-child",
                            G_CALLBACK (update_digest), self);
}

/**
 * ls_statistics_view_new:
 *
 * Returns: (transfer full): a window of the statistics of @store, counted
 *   for the present quarter to begin with
 */
LsStatisticsView *
ls_statistics_view_new (LsStore *store, LsOrganisation *organisation)
{
  g_return_val_if_fail (LS_IS_STORE (store), NULL);
  g_return_val_if_fail (LS_IS_ORGANISATION (organisation), NULL);

  return g_object_new (LS_TYPE_STATISTICS_VIEW, "store", store, "organisation",
                       organisation, NULL);
}

/**
 * ls_statistics_view_set_query:
 *
 * Shows the statistics of @query's period (as from–to) and units.
 */
void
ls_statistics_view_set_query (LsStatisticsView *self,
                              const LsStatisticsQuery *query)
{
  g_return_if_fail (LS_IS_STATISTICS_VIEW (self));
  g_return_if_fail (query != NULL);

  ls_period_chooser_set_query (self->chooser, query);
  ls_statistics_query_free (self->query);
  self->query = ls_statistics_query_copy (query);
  reload (self);
}

/**
 * ls_statistics_view_get_statistics:
 *
 * Returns: (transfer none) (nullable): the statistics shown
 */
LsStatistics *
ls_statistics_view_get_statistics (LsStatisticsView *self)
{
  g_return_val_if_fail (LS_IS_STATISTICS_VIEW (self), NULL);

  return self->statistics;
}

gboolean
ls_statistics_view_get_loading (LsStatisticsView *self)
{
  g_return_val_if_fail (LS_IS_STATISTICS_VIEW (self), FALSE);

  return self->load.loading || ls_digest_view_get_loading (self->digest_view);
}

/**
 * ls_statistics_view_get_digest_view:
 *
 * Returns: (transfer none): the page of the learning digest
 */
LsDigestView *
ls_statistics_view_get_digest_view (LsStatisticsView *self)
{
  g_return_val_if_fail (LS_IS_STATISTICS_VIEW (self), NULL);

  return self->digest_view;
}

void
ls_statistics_view_show_digest (LsStatisticsView *self, gboolean digest)
{
  g_return_if_fail (LS_IS_STATISTICS_VIEW (self));

  adw_view_stack_set_visible_child_name (self->stack,
                                         digest ? "digest" : "statistics");
}
