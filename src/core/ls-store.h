/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ls-attention-item.h"
#include "ls-attachment.h"
#include "ls-case-summary.h"
#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-statistics.h"
#include "ls-people-csv.h"
#include "ls-people-register.h"

G_BEGIN_DECLS

#define LS_TYPE_STORE (ls_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (LsStore, ls_store, LS, STORE, GObject)

#define LS_STORE_ERROR (ls_store_error_quark ())

/**
 * LsStoreError:
 * @LS_STORE_ERROR_NOT_A_DATABASE: the file is not a Lex Sarah database
 * @LS_STORE_ERROR_CORRUPT: the file is damaged
 * @LS_STORE_ERROR_TOO_NEW: the file was written by a newer version
 * @LS_STORE_ERROR_DUPLICATE: a unique value (registration number) is taken
 * @LS_STORE_ERROR_NOT_FOUND: no such case
 * @LS_STORE_ERROR_APPEND_ONLY: a journal item would have been changed
 * @LS_STORE_ERROR_INVALID: bad input, such as a bad exchange document
 * @LS_STORE_ERROR_FAILED: any other failure of the database
 * @LS_STORE_ERROR_READ_ONLY: the database cannot be written (a read-only
 *   file or folder, or a store opened with %LS_STORE_OPEN_READ_ONLY)
 * @LS_STORE_ERROR_DENIED: the shared database's rights do not let the
 *   person do this
 * @LS_STORE_ERROR_STALE: someone else saved the case since it was loaded;
 *   the message names who and when, and nothing was saved
 * @LS_STORE_ERROR_NEEDS_PASSWORD: the server asks for a password, or did
 *   not accept the one given; the message says which
 * @LS_STORE_ERROR_NOT_INSTALLED: the backend for the location's kind is
 *   not installed (team mode's module, for a shared database)
 * @LS_STORE_ERROR_TOO_OLD: the shared database was set up by an older
 *   version, and only its owner may bring it up to date
 *   (`--init-shared-database`); it was left as it is
 */
typedef enum
{
  LS_STORE_ERROR_NOT_A_DATABASE,
  LS_STORE_ERROR_CORRUPT,
  LS_STORE_ERROR_TOO_NEW,
  LS_STORE_ERROR_DUPLICATE,
  LS_STORE_ERROR_NOT_FOUND,
  LS_STORE_ERROR_APPEND_ONLY,
  LS_STORE_ERROR_INVALID,
  LS_STORE_ERROR_FAILED,
  LS_STORE_ERROR_READ_ONLY,
  LS_STORE_ERROR_DENIED,
  LS_STORE_ERROR_STALE,
  LS_STORE_ERROR_NEEDS_PASSWORD,
  LS_STORE_ERROR_NOT_INSTALLED,
  LS_STORE_ERROR_TOO_OLD,
} LsStoreError;

/**
 * LsStoreOpenFlags:
 * @LS_STORE_OPEN_DEFAULT: open for reading and writing, creating and
 *   migrating the database as needed
 * @LS_STORE_OPEN_READ_ONLY: open for reading only (an export, a PDF): never
 *   takes the write lock, never migrates, and refuses every write with
 *   %LS_STORE_ERROR_READ_ONLY
 */
typedef enum
{
  LS_STORE_OPEN_DEFAULT = 0,
  LS_STORE_OPEN_READ_ONLY = 1 << 0,
} LsStoreOpenFlags;

/**
 * LsStoreRights:
 * @LS_STORE_RIGHT_FILE: file reports (a receiver)
 * @LS_STORE_RIGHT_INVESTIGATE: work on investigations (an investigator)
 * @LS_STORE_RIGHT_CONCLUDE: set or change an investigation's conclusion
 *   (a decision-maker)
 * @LS_STORE_RIGHT_NOTIFY: record a notification as made and the
 *   investigation as sent to IVO (a notifier)
 * @LS_STORE_RIGHT_ADMINISTER: manage the organisation, its units and people
 *   (an administrator)
 * @LS_STORE_RIGHTS_ALL: everything: a file of one computer, the owner of a
 *   shared database, or a shared database without the team's roles
 *
 * What the session may do, as the server enforces it.
 */
typedef enum
{
  LS_STORE_RIGHT_FILE = 1 << 0,
  LS_STORE_RIGHT_INVESTIGATE = 1 << 1,
  LS_STORE_RIGHT_CONCLUDE = 1 << 2,
  LS_STORE_RIGHT_NOTIFY = 1 << 3,
  LS_STORE_RIGHT_ADMINISTER = 1 << 4,
  LS_STORE_RIGHTS_ALL = (1 << 5) - 1,
} LsStoreRights;

/* The exchange format this build writes.  Version 2 adds to each case its
 * history and its attachments, and to the model being told of the
 * notification, secrecy and the boards of the advice; version 3 the
 * attachments chosen to go with the notification.  Older documents still
 * import. */
#define LS_EXCHANGE_FORMAT_VERSION 3

/* The schema this build writes; PRAGMA user_version of a current file. */
#define LS_STORE_SCHEMA_VERSION 9

/* A count of the cases a search selects stops after this many and one
 * more, as the list shows "more than 1,000" (LS_CASE_LIST_SEARCH_LIMIT):
 * a keystroke never counts every case. */
#define LS_STORE_SEARCH_COUNT_LIMIT 1000

typedef enum
{
  LS_STORE_ORDER_UPDATED,
  LS_STORE_ORDER_RECEIVED,
  LS_STORE_ORDER_DEADLINE,
  LS_STORE_ORDER_REGNO,
} LsStoreOrder;

/**
 * LsStoreQuery:
 * @status: (nullable): only cases with this status
 * @unit: (nullable): only cases of this unit
 * @search: (nullable): only cases matching these words (prefix search)
 * @with_deadline: only cases that have a next deadline
 * @order: sort order, ignored when @search orders by relevance
 *
 * Which cases a list shows.  All members may be left empty.
 */
typedef struct
{
  const char *status;
  const char *unit;
  const char *search;
  gboolean with_deadline;
  LsStoreOrder order;
} LsStoreQuery;

/**
 * LsStoreKey:
 * @uuid: (nullable): the case after which the rows start, or %NULL for the
 *   group's first row
 * @value: (nullable): that case's value of the order's column, as shown
 * @nulls: which group: the cases without a value of the order's column
 *   (%TRUE) or those with one
 *
 * Where a page begins in the order of an #LsStoreQuery, for a backend's
 * list_cases: the cases of one group only, those with a value of the
 * order's column or those without, after the one named.  A backend finds
 * them from the order's index instead of stepping over every row before
 * them, so that a page costs the same anywhere in the list.
 */
typedef struct
{
  const char *uuid;
  const char *value;
  gboolean nulls;
} LsStoreKey;

/**
 * LsHistoryEntry:
 * @when: ISO 8601 time in UTC
 * @field: the case field that changed ("case" when it was created,
 *   "journal" for a new journal item)
 * @old_value: (nullable): the value before, as JSON for non-strings
 * @new_value: (nullable): the value after
 * @who: the author's name as given to the save function
 * @why: (nullable): why, for a change after a conclusion or a notification
 */
typedef struct
{
  char *when;
  char *field;
  char *old_value;
  char *new_value;
  char *who;
  char *why;
} LsHistoryEntry;

/**
 * LsStoreClass:
 *
 * What a backend implements: the blocking operations, each as its public
 * ls_store_*() twin documents it.  They may be called from any thread, so
 * a backend guards its connections itself.  The _async functions, the
 * attention items and the similar cases with their links are built on
 * these once, in the base class.  A backend that saves calls
 * ls_store_emit_changed() after each commit.
 */
/* clang-format off */
struct _LsStoreClass
{
  GObjectClass parent_class;

  const char     *(*get_location)       (LsStore            *self);
  gboolean        (*save_case)          (LsStore            *self,
                                         LsCase             *lcase,
                                         const char         *author,
                                         GError            **error);
  LsCase         *(*load_case)          (LsStore            *self,
                                         const char         *uuid,
                                         GError            **error);
  LsCase         *(*find_case_by_regno) (LsStore            *self,
                                         const char         *regno,
                                         GError            **error);
  GPtrArray      *(*list_history)       (LsStore            *self,
                                         const char         *case_uuid,
                                         GError            **error);
  gboolean        (*save_organisation)  (LsStore            *self,
                                         LsOrganisation     *organisation,
                                         GError            **error);
  LsOrganisation *(*load_organisation)  (LsStore            *self,
                                         GError            **error);
  char           *(*next_regno)         (LsStore            *self,
                                         int                 year,
                                         GError            **error);
  GStrv           (*dup_units_in_use)   (LsStore            *self,
                                         GError            **error);
  gint64          (*count_cases)        (LsStore            *self,
                                         const LsStoreQuery *query,
                                         GError            **error);
  GPtrArray      *(*list_cases)         (LsStore            *self,
                                         const LsStoreQuery *query,
                                         const LsStoreKey   *key,
                                         guint               offset,
                                         guint               limit,
                                         GError            **error);
  GPtrArray      *(*list_attention)     (LsStore            *self,
                                         guint               limit,
                                         GError            **error);
  GArray         *(*search_ids)         (LsStore            *self,
                                         const LsStoreQuery *query,
                                         guint               limit,
                                         GPtrArray          *keys,
                                         GError            **error);
  gboolean        (*read_summaries)     (LsStore            *self,
                                         const gint64       *ids,
                                         guint               n_ids,
                                         GPtrArray          *summaries,
                                         GError            **error);
  GPtrArray      *(*find_similar_cases) (LsStore            *self,
                                         const char         *case_uuid,
                                         guint               limit,
                                         GError            **error);
  gboolean        (*import_document)    (LsStore            *self,
                                         JsonNode           *document,
                                         const char         *author,
                                         guint              *n_changed,
                                         GError            **error);
  JsonNode       *(*export_document)    (LsStore            *self,
                                         GError            **error);
  gboolean        (*checkpoint)         (LsStore            *self,
                                         GError            **error);
  gboolean        (*backup)             (LsStore            *self,
                                         const char         *path,
                                         GError            **error);
  gint64          (*check_copy)         (LsStore            *self,
                                         const char         *copy,
                                         GError            **error);
  gboolean        (*restore)            (LsStore            *self,
                                         const char         *copy,
                                         const char         *keep,
                                         GError            **error);
  LsPeopleRegister *(*load_people)      (LsStore            *self,
                                         GError            **error);
  gboolean        (*save_people)        (LsStore            *self,
                                         LsPeopleRegister   *register_,
                                         GError            **error);

  /* ls-store-statistics.h */
  LsStatistics   *(*compute_statistics) (LsStore                 *self,
                                         const LsStatisticsQuery *query,
                                         GError                 **error);
  GPtrArray      *(*list_concluded_cases) (LsStore               *self,
                                         const LsStatisticsQuery *query,
                                         GError                 **error);
  GPtrArray      *(*list_follow_up_cases) (LsStore               *self,
                                         const char *const       *units,
                                         GError                 **error);

  gboolean        (*save_case_why)      (LsStore            *self,
                                         LsCase             *lcase,
                                         const char         *author,
                                         const char         *why,
                                         GError            **error);
  LsAttachment   *(*add_attachment)     (LsStore            *self,
                                         const char         *case_uuid,
                                         LsAttachment       *attachment,
                                         GBytes             *data,
                                         GError            **error);
  GPtrArray      *(*list_attachments)   (LsStore            *self,
                                         const char         *case_uuid,
                                         GError            **error);
  GBytes         *(*read_attachment)    (LsStore            *self,
                                         const char         *uuid,
                                         GError            **error);

  /*< private >*/
  gpointer padding[2];
};
/* clang-format on */

/* clang-format off */
GQuark          ls_store_error_quark          (void);
void            ls_history_entry_free         (LsHistoryEntry      *entry);

gboolean        ls_store_location_is_server   (const char          *location);
char           *ls_store_canonicalize_location (const char         *location);
LsStore        *ls_store_open                 (const char          *location,
                                               GError             **error);
LsStore        *ls_store_open_full            (const char          *location,
                                               LsStoreOpenFlags     flags,
                                               GError             **error);
void            ls_store_open_async           (const char          *location,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LsStore        *ls_store_open_finish          (GAsyncResult        *result,
                                               GError             **error);
const char     *ls_store_get_location         (LsStore             *self);
LsStoreRights   ls_store_get_rights           (LsStore             *self);
gboolean        ls_store_may                  (LsStore             *self,
                                               LsStoreRights        rights);
const char     *ls_store_rights_explain       (LsStoreRights        rights);
const char     *ls_store_get_identity_name    (LsStore             *self);
const char     *ls_store_get_identity_title   (LsStore             *self);
const char     *ls_store_get_path             (LsStore             *self);

gboolean        ls_store_save_case            (LsStore             *self,
                                               LsCase              *lcase,
                                               const char          *author,
                                               GError             **error);
void            ls_store_save_case_async      (LsStore             *self,
                                               LsCase              *lcase,
                                               const char          *author,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        ls_store_save_case_finish     (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
LsCase         *ls_store_load_case            (LsStore             *self,
                                               const char          *uuid,
                                               GError             **error);
void            ls_store_load_case_async      (LsStore             *self,
                                               const char          *uuid,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LsCase         *ls_store_load_case_finish     (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
LsCase         *ls_store_find_case_by_regno   (LsStore             *self,
                                               const char          *regno,
                                               GError             **error);
GPtrArray      *ls_store_list_history         (LsStore             *self,
                                               const char          *case_uuid,
                                               GError             **error);
void            ls_store_list_history_async   (LsStore             *self,
                                               const char          *case_uuid,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray      *ls_store_list_history_finish  (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);

gboolean        ls_store_save_organisation    (LsStore             *self,
                                               LsOrganisation      *organisation,
                                               GError             **error);
void            ls_store_save_organisation_async (LsStore          *self,
                                               LsOrganisation      *organisation,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        ls_store_save_organisation_finish (LsStore         *self,
                                               GAsyncResult        *result,
                                               GError             **error);
LsOrganisation *ls_store_load_organisation    (LsStore             *self,
                                               GError             **error);
void            ls_store_load_organisation_async (LsStore          *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LsOrganisation *ls_store_load_organisation_finish (LsStore         *self,
                                               GAsyncResult        *result,
                                               GError             **error);
char           *ls_store_next_regno           (LsStore             *self,
                                               int                  year,
                                               GError             **error);
void            ls_store_next_regno_async     (LsStore             *self,
                                               int                  year,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char           *ls_store_next_regno_finish    (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
GStrv           ls_store_dup_units_in_use     (LsStore             *self,
                                               GError             **error);
void            ls_store_dup_units_in_use_async (LsStore           *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GStrv           ls_store_dup_units_in_use_finish (LsStore          *self,
                                               GAsyncResult        *result,
                                               GError             **error);

gint64          ls_store_count_cases          (LsStore             *self,
                                               const LsStoreQuery  *query,
                                               GError             **error);
GPtrArray      *ls_store_list_cases           (LsStore             *self,
                                               const LsStoreQuery  *query,
                                               guint                offset,
                                               guint                limit,
                                               GError             **error);
GPtrArray      *ls_store_list_cases_after     (LsStore             *self,
                                               const LsStoreQuery  *query,
                                               LsCaseSummary       *after,
                                               guint                offset,
                                               guint                limit,
                                               GError             **error);
GPtrArray      *ls_store_list_attention       (LsStore             *self,
                                               guint                limit,
                                               GError             **error);
GPtrArray      *ls_store_list_attention_items (LsStore             *self,
                                               LsOrganisation      *organisation,
                                               guint                limit,
                                               GError             **error);
void            ls_store_list_attention_items_async (LsStore       *self,
                                               LsOrganisation      *organisation,
                                               guint                limit,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray      *ls_store_list_attention_items_finish (LsStore      *self,
                                               GAsyncResult        *result,
                                               GError             **error);
GArray         *ls_store_search_ids           (LsStore             *self,
                                               const LsStoreQuery  *query,
                                               guint                limit,
                                               GPtrArray           *keys,
                                               GError             **error);
GPtrArray      *ls_store_read_summaries       (LsStore             *self,
                                               const gint64        *ids,
                                               guint                n_ids,
                                               GError             **error);
GPtrArray      *ls_store_find_similar_cases   (LsStore             *self,
                                               const char          *case_uuid,
                                               guint                limit,
                                               GError             **error);
void            ls_store_find_similar_cases_async (LsStore         *self,
                                               const char          *case_uuid,
                                               const char *const   *linked,
                                               guint                limit,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray      *ls_store_find_similar_cases_finish (LsStore        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

gboolean        ls_store_import_document      (LsStore             *self,
                                               JsonNode            *document,
                                               const char          *author,
                                               guint               *n_changed,
                                               GError             **error);
JsonNode       *ls_store_export_document      (LsStore             *self,
                                               GError             **error);

gboolean        ls_store_checkpoint           (LsStore             *self,
                                               GError             **error);
gboolean        ls_store_backup               (LsStore             *self,
                                               const char          *path,
                                               GError             **error);
void            ls_store_backup_async         (LsStore             *self,
                                               const char          *path,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        ls_store_backup_finish        (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gint64          ls_store_check_copy           (LsStore             *self,
                                               const char          *copy,
                                               GError             **error);
void            ls_store_check_copy_async     (LsStore             *self,
                                               const char          *copy,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64          ls_store_check_copy_finish    (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gboolean        ls_store_restore              (LsStore             *self,
                                               const char          *copy,
                                               const char          *keep,
                                               GError             **error);
void            ls_store_restore_async        (LsStore             *self,
                                               const char          *copy,
                                               const char          *keep,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        ls_store_restore_finish       (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);

LsPeopleRegister *ls_store_load_people        (LsStore             *self,
                                               GError             **error);
void            ls_store_load_people_async    (LsStore             *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LsPeopleRegister *ls_store_load_people_finish (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gboolean        ls_store_save_people          (LsStore             *self,
                                               LsPeopleRegister    *register_,
                                               GError             **error);
void            ls_store_save_people_async    (LsStore             *self,
                                               LsPeopleRegister    *register_,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        ls_store_save_people_finish   (LsStore             *self,
                                               GAsyncResult        *result,
                                               GError             **error);
gboolean        ls_store_import_people        (LsStore             *self,
                                               GFile               *file,
                                               const char          *today,
                                               LsPeopleCsvCounts   *counts,
                                               GError             **error);
void            ls_store_import_people_async  (LsStore             *self,
                                               GFile               *file,
                                               const char          *today,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        ls_store_import_people_finish (LsStore             *self,
                                               GAsyncResult        *result,
                                               LsPeopleCsvCounts   *counts,
                                               GError             **error);
gboolean        ls_store_save_case_why        (LsStore             *self,
                                               LsCase              *lcase,
                                               const char          *author,
                                               const char          *why,
                                               GError             **error);
void            ls_store_save_case_why_async  (LsStore             *self,
                                               LsCase              *lcase,
                                               const char          *author,
                                               const char          *why,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LsAttachment   *ls_store_add_attachment       (LsStore             *self,
                                               const char          *case_uuid,
                                               LsAttachment        *attachment,
                                               GBytes              *data,
                                               GError             **error);
void            ls_store_add_attachment_async (LsStore             *self,
                                               const char          *case_uuid,
                                               LsAttachment        *attachment,
                                               GBytes              *data,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
LsAttachment   *ls_store_add_attachment_finish (LsStore            *self,
                                               GAsyncResult        *result,
                                               GError             **error);
GPtrArray      *ls_store_list_attachments     (LsStore             *self,
                                               const char          *case_uuid,
                                               GError             **error);
void            ls_store_list_attachments_async (LsStore           *self,
                                               const char          *case_uuid,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray      *ls_store_list_attachments_finish (LsStore          *self,
                                               GAsyncResult        *result,
                                               GError             **error);
GBytes         *ls_store_read_attachment      (LsStore             *self,
                                               const char          *uuid,
                                               GError             **error);

/* For backends. */
void            ls_store_emit_changed         (LsStore             *self,
                                               const char          *uuid);
/* clang-format on */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LsHistoryEntry, ls_history_entry_free)

G_END_DECLS
