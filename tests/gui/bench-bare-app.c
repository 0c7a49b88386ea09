/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "ls-announce.h"

/* The floor of the start benchmark (bench-cold-start.c): the least a
 * libadwaita app showing a list does, a window as large as Lex Sarah's
 * first with a header bar and a list of as many rows as Lex Sarah's
 * shows, each a line of text.  It announces its first frame with the rows
 * drawn just as Lex Sarah does (LEXSARAH_ANNOUNCE_FD). */

#define WIDTH 960
#define HEIGHT 680
#define ROW_HEIGHT 60

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_size_request (label, -1, ROW_HEIGHT);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item)
{
  gtk_label_set_text (
      GTK_LABEL (gtk_list_item_get_child (item)),
      gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static gboolean
rows_shown (GtkWidget *list)
{
  GtkWidget *row = gtk_widget_get_first_child (list);

  return row != NULL && gtk_widget_get_mapped (row);
}

static void
activate_cb (GApplication *app)
{
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list;

  for (guint i = 0; i < HEIGHT / ROW_HEIGHT + 1; i++)
    {
      g_autofree char *text =
          g_strdup_printf ("VON-2026-%06u  Brukaren fick fel läkemedel", i);

      gtk_string_list_append (strings, text);
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_single_selection_new (
                                G_LIST_MODEL (g_steal_pointer (&strings)))),
                            factory);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Bare");
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  ls_announce_when_drawn (list, "rows-shown", rows_shown);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  /* Not unique, as Lex Sarah is not. */
  g_autoptr (AdwApplication) app = adw_application_new (
      "com.example.LexSarah.BenchBare", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
