/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "ls-item-dialog.h"
#include "ls-occasion-dialog.h"
#include "ls-people-rules.h"
#include "ls-routines-editor.h"
#include "ls-staff-view.h"
#include "ls-test-utils.h"

/* The staff view and the routines editor on the documented example's
 * register: filters by unit and status, one information occasion
 * recorded for several people at once, a new version of the routines
 * decided with a unit's own holder; and their screenshots in the four
 * looks. */

#define TODAY "2026-03-10"
#define LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"

typedef struct
{
  LsOrganisation *organisation;
  LsPeopleRegister *register_;
  GtkWidget *window;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *path =
      g_build_filename (LS_TEST_SRCDIR, "..", "docs", "example.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  fixture->organisation = ls_organisation_new_from_json (
      json_object_get_object_member (root, "organisation"), "organisation",
      &error);
  g_assert_no_error (error);
  fixture->register_ = ls_people_register_new_from_document (
      root, fixture->organisation, &error);
  g_assert_no_error (error);
  fixture->window = adw_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 640);
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  ls_test_destroy_windows ();
  g_clear_object (&fixture->register_);
  g_clear_object (&fixture->organisation);
}

static GtkWidget *
show (Fixture *fixture, GtkWidget *child, int width)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, 640);
  adw_window_set_content (ADW_WINDOW (fixture->window), child);
  gtk_window_present (GTK_WINDOW (fixture->window));
  ls_test_wait_for_frames (fixture->window, 2);
  return child;
}

static guint
n_occasions (Fixture *fixture)
{
  return g_list_model_get_n_items (
      G_LIST_MODEL (ls_people_register_get_occasions (fixture->register_)));
}

static void
test_staff_filters (Fixture *fixture, gconstpointer data)
{
  GtkWidget *view = show (
      fixture,
      ls_staff_view_new (fixture->register_, fixture->organisation, TODAY),
      720);
  LsStaffView *staff = LS_STAFF_VIEW (view);

  /* Six people, one of whom has left. */
  g_assert_cmpuint (ls_staff_view_get_n_shown (staff), ==, 6);
  g_assert_true (ls_test_widget_has_text (view, "Kim Berg"));
  ls_staff_view_set_filter (staff, NULL, LS_STAFF_FILTER_ENDED);
  g_assert_cmpuint (ls_staff_view_get_n_shown (staff), ==, 1);
  g_assert_true (ls_test_widget_has_text (view, "Lena Holm"));
  ls_staff_view_set_filter (staff, NULL, LS_STAFF_FILTER_ACTIVE);
  g_assert_cmpuint (ls_staff_view_get_n_shown (staff), ==, 5);
  ls_staff_view_set_filter (staff, LINDEN, LS_STAFF_FILTER_ALL);
  g_assert_cmpuint (ls_staff_view_get_n_shown (staff), ==, 3);
  g_assert_false (ls_test_widget_has_text (view, "Kim Berg"));

  /* Fatima Ali began in February and was never told; Kim Berg was last
   * told in March last year, and the receiver changed since. */
  ls_staff_view_set_filter (staff, NULL, LS_STAFF_FILTER_ATTENTION);
  g_assert_true (ls_test_widget_has_text (view, "Fatima Ali"));
  g_assert_false (ls_test_widget_has_text (view, "Lena Holm"));
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static void
test_record_occasion_for_many (Fixture *fixture, gconstpointer data)
{
  GtkWidget *view = show (
      fixture,
      ls_staff_view_new (fixture->register_, fixture->organisation, TODAY),
      720);
  LsStaffView *staff = LS_STAFF_VIEW (view);
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) flags = NULL;
  g_autoptr (LsInformationOccasion) occasion = NULL;
  g_auto (GStrv) selected = NULL;
  GtkWidget *dialog;
  guint before = n_occasions (fixture);
  guint changed = 0;

  g_signal_connect_swapped (view, "changed", G_CALLBACK (count_cb), &changed);

  /* Nobody chosen: nothing to record. */
  g_assert_null (ls_staff_view_record_occasion (staff));

  ls_staff_view_set_filter (staff, NULL, LS_STAFF_FILTER_ATTENTION);
  ls_staff_view_select_all (staff);
  selected = ls_staff_view_dup_selected (staff);
  g_assert_cmpuint (g_strv_length (selected), ==,
                    ls_staff_view_get_n_shown (staff));
  g_assert_cmpuint (g_strv_length (selected), >=, 2);

  dialog = ls_staff_view_record_occasion (staff);
  g_assert_nonnull (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  ls_test_wait_for_frames (dialog, 2);
  /* The receiver is proposed from the routines in force. */
  g_assert_true (ls_test_widget_has_text (dialog, "Fatima Ali"));
  ls_test_set_row_text (dialog, "Given by", "Anna Svensson");
  g_assert_true (
      ls_occasion_dialog_record (LS_OCCASION_DIALOG (dialog), &error));
  g_assert_no_error (error);

  /* One occasion for all of them, in the register, and nobody flagged. */
  g_assert_cmpuint (n_occasions (fixture), ==, before + 1);
  g_assert_cmpuint (changed, ==, 1);
  occasion = g_list_model_get_item (
      G_LIST_MODEL (ls_people_register_get_occasions (fixture->register_)),
      before);
  g_assert_cmpstr (ls_information_occasion_get_held_on (occasion), ==, TODAY);
  g_assert_cmpstr (ls_information_occasion_get_given_by (occasion), ==,
                   "Anna Svensson");
  g_assert_cmpstr (ls_information_occasion_get_receiver (occasion), ==,
                   "Eva Sund, enhetschef");
  g_assert_true (ls_information_occasion_get_oral (occasion));
  g_assert_true (ls_information_occasion_get_written (occasion));
  g_assert_cmpuint (
      g_strv_length (
          (GStrv) ls_information_occasion_get_participants (occasion)),
      ==, g_strv_length (selected));
  flags = ls_people_rules_check (fixture->register_, TODAY);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (flags)), ==, 0);
  ls_staff_view_set_filter (staff, NULL, LS_STAFF_FILTER_ATTENTION);
  g_assert_cmpuint (ls_staff_view_get_n_shown (staff), ==, 0);
}

/* A person added by hand in the unit shown, and later ended: kept, with
 * the end date, and the view asks to save each time. */
static void
test_add_and_end_person (Fixture *fixture, gconstpointer data)
{
  GtkWidget *view = show (
      fixture,
      ls_staff_view_new (fixture->register_, fixture->organisation, TODAY),
      720);
  LsStaffView *staff = LS_STAFF_VIEW (view);
  GListStore *people = ls_people_register_get_people (fixture->register_);
  guint before = g_list_model_get_n_items (G_LIST_MODEL (people));
  g_autoptr (LsPerson) added = NULL;
  GtkWidget *dialog;
  guint changed = 0;

  g_signal_connect_swapped (view, "changed", G_CALLBACK (count_cb), &changed);
  ls_staff_view_set_filter (staff, LINDEN, LS_STAFF_FILTER_ALL);
  gtk_widget_activate_action (view, "staff.add-person", NULL);
  dialog = ls_test_find_toplevel (LS_TYPE_ITEM_DIALOG);
  g_assert_nonnull (dialog);
  ls_test_set_row_text (dialog, "Name", "Nora Lund");
  ls_test_set_row_text (dialog, "Started on", "2026-03-09");
  g_assert_true (ls_item_dialog_apply (LS_ITEM_DIALOG (dialog)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==,
                    before + 1);
  added = g_list_model_get_item (G_LIST_MODEL (people), before);
  g_assert_cmpstr (ls_person_get_name (added), ==, "Nora Lund");
  g_assert_cmpint (ls_person_get_category (added), ==,
                   LS_REPORTER_CATEGORY_EMPLOYEE);
  g_assert_cmpstr (ls_person_get_units (added)[0], ==, LINDEN);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (ls_test_widget_has_text (view, "Nora Lund"));
  ls_test_drain_events ();

  /* Ended, not removed. */
  dialog = ls_staff_view_edit_person (staff, added);
  ls_test_set_row_text (dialog, "Ended on", "2026-03-31");
  g_assert_true (ls_item_dialog_apply (LS_ITEM_DIALOG (dialog)));
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (people)), ==,
                    before + 1);
}

static void
test_occasion_needs_a_way (Fixture *fixture, gconstpointer data)
{
  const char *const who[] = { "0c6f3f4e-5a1b-4d2e-9f10-1a2b3c4d5e05", NULL };
  GtkWidget *dialog = ls_occasion_dialog_new (GTK_WINDOW (fixture->window),
                                              fixture->register_, who, TODAY);
  g_autoptr (GError) error = NULL;
  guint before = n_occasions (fixture);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_switch_set_active (
      GTK_SWITCH (ls_test_find_by_type (dialog, GTK_TYPE_SWITCH, 0)), FALSE);
  gtk_switch_set_active (
      GTK_SWITCH (ls_test_find_by_type (dialog, GTK_TYPE_SWITCH, 1)), FALSE);
  g_assert_false (
      ls_occasion_dialog_record (LS_OCCASION_DIALOG (dialog), &error));
  g_assert_nonnull (strstr (error->message, "orally, in writing or both"));
  g_assert_cmpuint (n_occasions (fixture), ==, before);
}

static void
decided_cb (LsRoutinesEditor *editor, LsRoutines *routines, LsRoutines **out)
{
  *out = routines;
}

static void
test_routines_decide (Fixture *fixture, gconstpointer data)
{
  GtkWidget *widget = show (
      fixture,
      ls_routines_editor_new (fixture->register_, fixture->organisation), 720);
  LsRoutinesEditor *editor = LS_ROUTINES_EDITOR (widget);
  LsRoutines *latest =
      ls_people_register_get_latest_routines (fixture->register_);
  g_autofree char *latest_id = g_strdup (ls_routines_get_id (latest));
  g_autoptr (GError) error = NULL;
  LsRoutines *decided = NULL;
  guint before = g_list_model_get_n_items (
      G_LIST_MODEL (ls_people_register_get_routines (fixture->register_)));

  g_signal_connect (editor, "decided", G_CALLBACK (decided_cb), &decided);

  /* The draft starts from the version in force. */
  g_assert_true (
      ls_test_widget_has_text (widget, "Maria Lind, verksamhetschef"));

  /* Gruppbostaden Linden names its own person to tell the staff. */
  ls_routines_editor_set_unit (editor, LINDEN);
  ls_test_set_row_text (widget, "Holder (person or function)", "Olle Ström");
  g_assert_cmpstr (ls_assignment_get_holder (ls_routines_find (
                       ls_routines_editor_get_draft (editor),
                       LS_RESPONSIBILITY_INFORM_REPORTERS, LINDEN)),
                   ==, "Olle Ström");

  /* Not decided without who decided and when. */
  g_assert_false (ls_routines_editor_decide (editor, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (decided);

  ls_test_set_row_text (widget, "Decided by", "Vård- och omsorgsnämnden, § 7");
  ls_test_set_row_text (widget, "Decided on", "2026-03-01");
  g_assert_true (ls_routines_editor_decide (editor, &error));
  g_assert_no_error (error);
  g_assert_nonnull (decided);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (
                        ls_people_register_get_routines (fixture->register_))),
                    ==, before + 1);
  g_assert_true (ls_people_register_get_latest_routines (fixture->register_) ==
                 decided);
  g_assert_cmpstr (ls_routines_get_decided_on (decided), ==, "2026-03-01");
  g_assert_cmpstr (ls_assignment_get_holder (ls_routines_find (
                       decided, LS_RESPONSIBILITY_INFORM_REPORTERS, LINDEN)),
                   ==, "Olle Ström");
  /* The version before is as it was, and still there to read. */
  latest = ls_people_register_find_routines (fixture->register_, latest_id);
  g_assert_nonnull (latest);
  g_assert_cmpstr (ls_assignment_get_holder (ls_routines_find (
                       latest, LS_RESPONSIBILITY_INFORM_REPORTERS, LINDEN)),
                   ==, "Enhetschefen för respektive enhet");
}

static void
test_screenshots (Fixture *fixture, gconstpointer data)
{
  const LsTestLook *look = data;
  int width = look->narrow ? LS_TEST_NARROW_WIDTH : 720;
  const char *const who[] = { "0c6f3f4e-5a1b-4d2e-9f10-1a2b3c4d5e02",
                              "0c6f3f4e-5a1b-4d2e-9f10-1a2b3c4d5e05", NULL };
  g_autofree char *staff_name = g_strconcat ("staff-view", look->suffix, NULL);
  g_autofree char *occasion_name =
      g_strconcat ("information-occasion", look->suffix, NULL);
  g_autofree char *routines_name =
      g_strconcat ("routines-editor", look->suffix, NULL);
  g_autofree char *person_name =
      g_strconcat ("person-dialog", look->suffix, NULL);
  GtkWidget *staff;
  GtkWidget *dialog;

  ls_test_use_dark (look->dark);
  staff = show (
      fixture,
      ls_staff_view_new (fixture->register_, fixture->organisation, TODAY),
      width);
  g_free (ls_test_save_screenshot (fixture->window, staff_name));

  /* A person's category and units, as the dialog edits them. */
  dialog = ls_staff_view_edit_person (
      LS_STAFF_VIEW (staff),
      ls_people_register_find_staff_number (fixture->register_, "1002"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, 640);
  adw_expander_row_set_expanded (
      ADW_EXPANDER_ROW (ls_test_find_row (dialog, "Units")), TRUE);
  g_free (ls_test_save_screenshot (dialog, person_name));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = ls_occasion_dialog_new (GTK_WINDOW (fixture->window),
                                   fixture->register_, who, TODAY);
  gtk_window_set_default_size (GTK_WINDOW (dialog), width, 640);
  gtk_window_present (GTK_WINDOW (dialog));
  g_free (ls_test_save_screenshot (dialog, occasion_name));
  gtk_window_destroy (GTK_WINDOW (dialog));

  show (fixture,
        ls_routines_editor_new (fixture->register_, fixture->organisation),
        width);
  adw_expander_row_set_expanded (
      ADW_EXPANDER_ROW (
          ls_test_find_by_type (fixture->window, ADW_TYPE_EXPANDER_ROW, 3)),
      TRUE);
  g_free (ls_test_save_screenshot (fixture->window, routines_name));
  ls_test_use_dark (FALSE);
}

int
main (int argc, char *argv[])
{
  ls_test_init_gtk (&argc, &argv);

  g_test_add ("/staff/filters", Fixture, NULL, fixture_set_up,
              test_staff_filters, fixture_tear_down);
  g_test_add ("/staff/record-occasion-for-many", Fixture, NULL, fixture_set_up,
              test_record_occasion_for_many, fixture_tear_down);
  g_test_add ("/staff/add-and-end-person", Fixture, NULL, fixture_set_up,
              test_add_and_end_person, fixture_tear_down);
  g_test_add ("/staff/occasion/needs-a-way", Fixture, NULL, fixture_set_up,
              test_occasion_needs_a_way, fixture_tear_down);
  g_test_add ("/staff/routines/decide", Fixture, NULL, fixture_set_up,
              test_routines_decide, fixture_tear_down);
  for (guint i = 0; i < LS_TEST_N_LOOKS; i++)
    {
      g_autofree char *path =
          g_strdup_printf ("/staff/screenshots%s", ls_test_looks[i].suffix);

      g_test_add (path, Fixture, &ls_test_looks[i], fixture_set_up,
                  test_screenshots, fixture_tear_down);
    }

  return g_test_run ();
}
