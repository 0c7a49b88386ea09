/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-ivo-package"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "ls-case-documents.h"
#include "ls-ivo-package.h"
#include "ls-rules.h"

/* The package for IVO: IVO's e-service takes the notification form and
 * its attachments as PDF files, so one folder holds the form, the
 * finished investigation when there is one, the routines when the form
 * says they are attached, the attachments chosen, and a list of what is
 * there.  The form's boxes "Bifogade handlingar" are ticked from what the
 * folder holds.  The folder is made whole or not at all: written under a
 * temporary name (0700, its files 0600) and renamed. */

typedef struct
{
  char *name;
  char *what;
  GBytes *data;
} PackageFile;

static void
package_file_free (PackageFile *file)
{
  g_free (file->name);
  g_free (file->what);
  g_clear_pointer (&file->data, g_bytes_unref);
  g_free (file);
}

static void
add_file (GPtrArray *files, const char *what, const char *name, GBytes *data)
{
  PackageFile *file = g_new0 (PackageFile, 1);
  g_autofree char *safe = g_strdup (name);

  /* A name of the database never leaves the folder. */
  g_strdelimit (safe, "/\\:", '_');
  file->name = g_strdup_printf ("%02u %s", files->len + 1, safe);
  file->what = g_strdup (what);
  file->data = g_bytes_ref (data);
  g_ptr_array_add (files, file);
}

static gboolean
is_pdf (LsAttachment *attachment)
{
  return g_strcmp0 (ls_attachment_get_content_type (attachment),
                    "application/pdf") == 0;
}

/* Only the newest version of a file is sent. */
static gboolean
is_replaced (GPtrArray *attachments, guint index)
{
  const char *uuid = ls_attachment_get_uuid (attachments->pdata[index]);

  for (guint k = index + 1; k < attachments->len; k++)
    if (g_strcmp0 (ls_attachment_get_replaces (attachments->pdata[k]), uuid) ==
        0)
      return TRUE;
  return FALSE;
}

static gboolean
write_file (const char *path, GBytes *data, GError **error)
{
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  gboolean ok;

  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("The package could not be written: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  ok = size == 0 || (gsize) write (fd, bytes, size) == size;
  ok = fsync (fd) == 0 && ok;
  ok = close (fd) == 0 && ok;
  if (!ok)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _ ("The package could not be written: the disk may "
                            "be full."));
  return ok;
}

static void
remove_partial (const char *dir, GPtrArray *files, const char *list_name)
{
  for (guint i = 0; i < files->len; i++)
    {
      PackageFile *file = files->pdata[i];
      g_autofree char *path = g_build_filename (dir, file->name, NULL);

      g_unlink (path);
    }
  {
    g_autofree char *path = g_build_filename (dir, list_name, NULL);

    g_unlink (path);
  }
  g_rmdir (dir);
}

static gboolean
folder_is_free (const char *folder, GError **error)
{
  g_autoptr (GDir) dir = NULL;

  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    return TRUE;
  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL || g_dir_read_name (dir) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _ ("The folder for the package already holds "
                              "files: choose a new or an empty folder."));
      return FALSE;
    }
  return TRUE;
}

/* Writes @files and the cover list into a new folder that takes
 * @folder's place once complete. */
static gboolean
write_folder (const char *folder,
              const char *regno,
              GPtrArray *files,
              GError **error)
{
  g_autofree char *parent = g_path_get_dirname (folder);
  g_autofree char *base = g_path_get_basename (folder);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (parent, template, NULL);
  g_autoptr (GString) list = g_string_new (NULL);
  g_autoptr (GBytes) list_bytes = NULL;
  const char *list_name = "00 Innehåll.txt";

  if (!folder_is_free (folder, error))
    return FALSE;
  if (g_mkdtemp_full (tmp, 0700) == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("The package could not be written: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }

  g_string_append_printf (list,
                          "Anmälan enligt lex Sarah till IVO, diarienummer "
                          "%s\n\nHandlingar i mappen:\n\n",
                          regno);
  for (guint i = 0; i < files->len; i++)
    {
      PackageFile *file = files->pdata[i];
      g_autofree char *path = g_build_filename (tmp, file->name, NULL);
      g_autofree char *sha256 =
          g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, file->data);

      g_string_append_printf (
          list, "%s\n    %s, %" G_GSIZE_FORMAT " byte, SHA-256 %s\n",
          file->name, file->what, g_bytes_get_size (file->data), sha256);
      if (!write_file (path, file->data, error))
        {
          remove_partial (tmp, files, list_name);
          return FALSE;
        }
    }
  list_bytes = g_bytes_new (list->str, list->len);
  {
    g_autofree char *path = g_build_filename (tmp, list_name, NULL);

    if (!write_file (path, list_bytes, error))
      {
        remove_partial (tmp, files, list_name);
        return FALSE;
      }
  }
  /* An empty folder of that name is replaced; rename () does that. */
  if (g_rename (tmp, folder) != 0)
    {
      int saved_errno = errno;

      remove_partial (tmp, files, list_name);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _ ("The package could not be written: %s"),
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static GBytes *
render (LsFormDocument *doc, GError **error)
{
  return ls_form_document_to_pdf_bytes (doc, error);
}

/**
 * ls_ivo_package_write:
 * @regno: the registration number of the case
 * @chosen: (nullable): the uuids of the attachments to send besides the
 *   routines; %NULL sends those the case's notification has chosen
 *   (ls_notification_get_sent_attachments())
 * @folder: the folder to make; it must not exist or be empty
 * @written: (out) (optional): the names of the files written
 *
 * Writes the package for IVO's e-service.  Nothing is written when
 * something the package needs is missing: the message says what.
 */
gboolean
ls_ivo_package_write (LsStore *store,
                      const char *regno,
                      const char *const *chosen,
                      const char *folder,
                      GStrv *written,
                      GError **error)
{
  g_autoptr (LsOrganisation) organisation = NULL;
  g_autoptr (LsCase) lcase = NULL;
  g_autoptr (GPtrArray) attachments = NULL;
  g_autoptr (GPtrArray) files =
      g_ptr_array_new_with_free_func ((GDestroyNotify) package_file_free);
  g_autoptr (GPtrArray) routines = g_ptr_array_new ();
  g_autoptr (GPtrArray) others = g_ptr_array_new ();
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autoptr (GString) other_names = g_string_new (NULL);
  g_autoptr (LsNotificationForm) form = NULL;
  g_autoptr (LsFormDocument) doc = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GError) local_error = NULL;
  LsNotification *notification;
  LsNotificationAttachment ticked = LS_NOTIFICATION_ATTACHMENT_NONE;
  gboolean with_investigation;

  g_return_val_if_fail (LS_IS_STORE (store), FALSE);
  g_return_val_if_fail (regno != NULL && folder != NULL, FALSE);

  organisation = ls_store_load_organisation (store, error);
  if (organisation == NULL)
    return FALSE;
  lcase = ls_store_find_case_by_regno (store, regno, &local_error);
  if (lcase == NULL)
    {
      if (g_error_matches (local_error, LS_STORE_ERROR,
                           LS_STORE_ERROR_NOT_FOUND))
        /* Not the number typed: it may be anything at all. */
        g_set_error_literal (error, LS_STORE_ERROR, LS_STORE_ERROR_NOT_FOUND,
                             _ ("No case has the registration number given."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  attachments =
      ls_store_list_attachments (store, ls_case_get_uuid (lcase), error);
  if (attachments == NULL)
    return FALSE;

  notification = ls_case_get_notification (lcase);
  if (chosen == NULL)
    chosen = ls_notification_get_sent_attachments (notification);
  if (ls_notification_get_submitted_on (notification) == NULL)
    ls_rules_prefill_notification (lcase, organisation);

  /* What the package needs, all of it said at once. */
  if (ls_case_documents_notification_is_draft (lcase))
    g_string_append (missing,
                     _ ("\n• a decision to notify: the case is not concluded "
                        "as serious, and the form is not dated and signed"));
  if (ls_notification_get_signed_on (notification) == NULL ||
      ls_notification_get_signatory (notification) == NULL)
    g_string_append (missing, _ ("\n• the form’s date and signatory"));
  for (guint i = 0; i < attachments->len; i++)
    {
      LsAttachment *attachment = attachments->pdata[i];

      if (is_replaced (attachments, i))
        continue;
      if (g_str_equal (ls_attachment_get_kind (attachment), "routines"))
        {
          if (is_pdf (attachment))
            g_ptr_array_add (routines, attachment);
          continue;
        }
      if (chosen != NULL &&
          g_strv_contains (chosen, ls_attachment_get_uuid (attachment)))
        {
          if (!is_pdf (attachment))
            /* Translators: %u is the number of the attachment in the case's
             * list. */
            g_string_append_printf (missing,
                                    _ ("\n• attachment %u as a PDF file: "
                                       "IVO’s e-service takes PDF files"),
                                    i + 1);
          g_ptr_array_add (others, attachment);
        }
    }
  if (ls_notification_get_attach_routines (notification) && routines->len == 0)
    g_string_append (missing,
                     _ ("\n• the routines in force, as a PDF attachment of "
                        "the case: the form says they are attached"));
  if (missing->len > 0)
    {
      g_set_error (error, LS_FORM_ERROR, LS_FORM_ERROR_INVALID,
                   _ ("The package for IVO was not written. It needs:%s"),
                   missing->str);
      return FALSE;
    }

  with_investigation = ls_rules_conclusion_is_made (lcase);
  if (with_investigation)
    ticked |= LS_NOTIFICATION_ATTACHMENT_INVESTIGATION;
  if (routines->len > 0)
    ticked |= LS_NOTIFICATION_ATTACHMENT_ROUTINES;
  if (others->len > 0)
    ticked |= LS_NOTIFICATION_ATTACHMENT_OTHER;
  for (guint i = 0; i < others->len; i++)
    g_string_append_printf (other_names, "%s%s", i > 0 ? ", " : "",
                            ls_attachment_get_name (others->pdata[i]));

  /* The form says what the folder holds. */
  form = ls_case_documents_dup_notification_form (lcase);
  ls_notification_form_set_attachments (form, ticked);
  ls_notification_form_set_text (form, LS_NOTIFICATION_FIELD_OTHER_ATTACHMENT,
                                 others->len > 0 ? other_names->str : NULL);
  doc = ls_notification_form_build_document (form);
  pdf = render (doc, error);
  if (pdf == NULL)
    return FALSE;
  {
    g_autofree char *name = g_strdup_printf ("Anmälan lex Sarah %s.pdf", regno);

    add_file (files, "Anmälan (blanketten)", name, pdf);
  }
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_object (&doc);

  if (with_investigation)
    {
      g_autoptr (GHashTable) regnos =
          ls_case_documents_dup_linked_regnos (store, lcase);
      g_autofree char *name = g_strdup_printf ("Utredning %s.pdf", regno);

      doc = ls_case_documents_build_investigation (lcase, organisation, regnos);
      pdf = render (doc, error);
      if (pdf == NULL)
        return FALSE;
      add_file (files, "Utredningen", name, pdf);
    }

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? routines : others;

      for (guint i = 0; i < list->len; i++)
        {
          LsAttachment *attachment = list->pdata[i];
          g_autoptr (GBytes) data = ls_store_read_attachment (
              store, ls_attachment_get_uuid (attachment), error);

          if (data == NULL)
            return FALSE;
          add_file (files, pass == 0 ? "Gällande rutiner" : "Övrig bilaga",
                    ls_attachment_get_name (attachment), data);
        }
    }

  if (!write_folder (folder, regno, files, error))
    return FALSE;
  if (written != NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      g_strv_builder_add (builder, "00 Innehåll.txt");
      for (guint i = 0; i < files->len; i++)
        g_strv_builder_add (builder, ((PackageFile *) files->pdata[i])->name);
      *written = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }
  return TRUE;
}

/**
 * ls_ivo_package_is_choosable:
 * @attachments: (element-type LsAttachment): a case's attachments, oldest
 *   first, as ls_store_list_attachments() gives them
 *
 * Returns: whether the attachment at @index may be chosen to go with the
 *   notification: the newest version of a file that is not the routines,
 *   which go as the form says
 */
gboolean
ls_ivo_package_is_choosable (GPtrArray *attachments, guint index)
{
  LsAttachment *attachment;

  g_return_val_if_fail (attachments != NULL && index < attachments->len, FALSE);

  attachment = attachments->pdata[index];
  return !is_replaced (attachments, index) &&
         !g_str_equal (ls_attachment_get_kind (attachment), "routines");
}

/**
 * ls_ivo_package_takes:
 *
 * Returns: whether IVO's e-service takes @attachment: a PDF file
 */
gboolean
ls_ivo_package_takes (LsAttachment *attachment)
{
  g_return_val_if_fail (LS_IS_ATTACHMENT (attachment), FALSE);

  return is_pdf (attachment);
}
