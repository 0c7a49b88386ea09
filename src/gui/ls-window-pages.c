/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-window-pages"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ls-a11y.h"
#include "ls-spinner.h"
#include "ls-store.h"
#include "ls-window-pages.h"

/* The pages of the main window that its first frame does not show: while
 * the database opens, when it is refused, when it holds no case yet, and
 * when no case matches a search.  Each is built from ls-window-pages.ui
 * when first shown, not with every window: built with it, they took
 * some 1 ms of the 20 to its first frame, every widget of them made for a
 * page nobody saw. */

#define RESOURCE "/com/example/LexSarah/gui/ls-window-pages.ui"
#define MENU_BUTTON_KEY "ls-window-pages-menu-button"
#define SPINNER_KEY "ls-window-pages-spinner"
#define STATUS_PAGE_KEY "ls-window-pages-status-page"

/* The main stack's pages: the ids in the file of each and of its parts. */
static const struct
{
  const char *name;
  const char *id;
  const char *menu_button;
  const char *spinner;
  const char *status_page;
} pages[] = {
  { "loading", "loading_box", NULL, "loading_spinner", NULL },
  { "error", "error_box", "error_menu_button", NULL, "error_page" },
  { "empty", "empty_box", "empty_menu_button", NULL, NULL },
};

/* Pages of other stacks, each an AdwBin in the window's template, filled
 * with the object of the file named beside. */
static const struct
{
  const char *name;
  const char *id;
} fillings[] = {
  { "no-match", "no_match_page" },
};

/* @id and what it holds, and nothing else of the file. */
static GtkBuilder *
build (const char *id)
{
  const char *ids[] = { id, NULL };
  GtkBuilder *builder = gtk_builder_new ();
  g_autoptr (GError) error = NULL;

  /* The file is part of the program: it fails only when the program
   * does, as a template would. */
  if (!gtk_builder_add_objects_from_resource (builder, RESOURCE, ids, &error))
    g_error ("Cannot build %s: %s", id, error->message);
  return builder;
}

static void
set_menu_cb (GtkMenuButton *button, gpointer user_data)
{
  gtk_menu_button_set_menu_model (button, user_data);
}

static GtkWidget *
ensure_page (GtkStack *stack, guint i, GMenuModel *menu)
{
  GtkWidget *page = gtk_stack_get_child_by_name (stack, pages[i].name);
  g_autoptr (GtkBuilder) builder = NULL;

  if (page != NULL)
    return page;

  builder = build (pages[i].id);
  page = GTK_WIDGET (gtk_builder_get_object (builder, pages[i].id));
  if (pages[i].menu_button != NULL)
    {
      GObject *button = gtk_builder_get_object (builder, pages[i].menu_button);

      /* Like every menu of the window, made when first opened: a popover
       * menu is many widgets. */
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button),
                                             set_menu_cb, g_object_ref (menu),
                                             g_object_unref);
      g_object_set_data (G_OBJECT (page), MENU_BUTTON_KEY, button);
    }
  if (pages[i].spinner != NULL)
    g_object_set_data (G_OBJECT (page), SPINNER_KEY,
                       gtk_builder_get_object (builder, pages[i].spinner));
  if (pages[i].status_page != NULL)
    g_object_set_data (G_OBJECT (page), STATUS_PAGE_KEY,
                       gtk_builder_get_object (builder, pages[i].status_page));
  ls_a11y_name_once (page);
  gtk_stack_add_named (stack, page, pages[i].name);
  return page;
}

static guint
find_page (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (pages[i].name, name))
      return i;
  return G_MAXUINT;
}

/**
 * ls_window_pages_ensure:
 * @stack: the window's main stack
 * @name: the name of a page, "loading", "error" or "empty"; the others
 *   are the window's own, and left to it
 * @menu: the window's main menu, for the page's menu button
 *
 * Adds the page called @name to @stack, unless it is there already.
 */
void
ls_window_pages_ensure (GtkStack *stack, const char *name, GMenuModel *menu)
{
  guint i;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  i = find_page (name);
  if (i != G_MAXUINT)
    ensure_page (stack, i, menu);
}

/**
 * ls_window_pages_set_loading:
 *
 * Starts the spinner of the page shown while the database opens, in a
 * moment, or stops it; the page is added to @stack when first needed.
 */
void
ls_window_pages_set_loading (GtkStack *stack, gboolean loading)
{
  GtkWidget *page;
  GtkSpinner *spinner;

  g_return_if_fail (GTK_IS_STACK (stack));

  page = loading ? ensure_page (stack, find_page ("loading"), NULL)
                 : gtk_stack_get_child_by_name (stack, "loading");
  if (page == NULL)
    return;
  spinner = g_object_get_data (G_OBJECT (page), SPINNER_KEY);
  if (loading)
    ls_spinner_start_later (spinner);
  else
    ls_spinner_stop (spinner);
}

/**
 * ls_window_pages_show_error:
 * @location: the database the error is about, a file or a server
 *
 * Says on the error page of @stack why the database cannot be opened.
 */
void
ls_window_pages_show_error (GtkStack *stack,
                            GMenuModel *menu,
                            const GError *error,
                            const char *location)
{
  GtkWidget *page;
  g_autofree char *file = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (error != NULL);
  g_return_if_fail (location != NULL);

  page = ensure_page (stack, find_page ("error"), menu);
  file = g_filename_display_name (location);
  /* The store's message names the file when it matters; else it is
   * named here.  A shared database is not a file to keep a copy of. */
  if (ls_store_location_is_server (location))
    text = g_strdup_printf (_ ("%s\n\nNothing was changed. Choose where the "
                               "cases are kept in Preferences, or ask your "
                               "IT."),
                            error->message);
  else if (strstr (error->message, file) != NULL)
    text = g_strdup_printf (_ ("%s\n\nLex Sarah has not changed the file. "
                               "Keep a copy and ask your IT support for help, "
                               "or start Lex Sarah with another file."),
                            error->message);
  else
    /* Translators: the first %s says what is wrong, the second is the
     * database file. */
    text = g_strdup_printf (_ ("%s\n\nThe file is %s. Lex Sarah has not "
                               "changed it. Keep a copy and ask your IT "
                               "support for help, or start Lex Sarah with "
                               "another file."),
                            error->message, file);
  markup = g_markup_escape_text (text, -1);
  adw_status_page_set_description (
      g_object_get_data (G_OBJECT (page), STATUS_PAGE_KEY), markup);
}

/**
 * ls_window_pages_get_menu_button:
 *
 * Returns: (transfer none) (nullable): the main menu's button of the page
 *   called @name, %NULL if it has none or is not yet in @stack
 */
GtkMenuButton *
ls_window_pages_get_menu_button (GtkStack *stack, const char *name)
{
  GtkWidget *page;

  g_return_val_if_fail (GTK_IS_STACK (stack), NULL);

  page = gtk_stack_get_child_by_name (stack, name);
  return page != NULL ? g_object_get_data (G_OBJECT (page), MENU_BUTTON_KEY)
                      : NULL;
}

static void
visible_child_cb (GtkStack *stack, GParamSpec *pspec, gpointer user_data)
{
  guint i = GPOINTER_TO_UINT (user_data);
  GtkWidget *bin = gtk_stack_get_visible_child (stack);
  g_autoptr (GtkBuilder) builder = NULL;
  GtkWidget *child;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (stack), fillings[i].name) !=
          0 ||
      adw_bin_get_child (ADW_BIN (bin)) != NULL)
    return;
  builder = build (fillings[i].id);
  child = GTK_WIDGET (gtk_builder_get_object (builder, fillings[i].id));
  ls_a11y_name_once (child);
  adw_bin_set_child (ADW_BIN (bin), child);
}

/**
 * ls_window_pages_fill_when_shown:
 * @stack: a stack of the window's template
 * @name: the name of its page to fill, an AdwBin: "no-match"
 *
 * Fills the page called @name of @stack when it is first shown.
 */
void
ls_window_pages_fill_when_shown (GtkStack *stack, const char *name)
{
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (ADW_IS_BIN (gtk_stack_get_child_by_name (stack, name)));

  for (guint i = 0; i < G_N_ELEMENTS (fillings); i++)
    if (g_str_equal (fillings[i].name, name))
      {
        g_signal_connect (stack, "notify::visible-child",
                          G_CALLBACK (visible_child_cb), GUINT_TO_POINTER (i));
        return;
      }
  g_return_if_reached ();
}
