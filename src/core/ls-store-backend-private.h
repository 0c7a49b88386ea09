/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "ls-store.h"

G_BEGIN_DECLS

/* What every backend of LsStore does the same way, whatever its SQL: the
 * columns derived from a case, the history of what changed, whether a
 * journal item is the one stored, which requirements need attention, the
 * words of a search, and reading and writing exchange documents. */

typedef struct
{
  char *status;
  char *unit;
  char *kind;
  char *title;
  char *received_at;
  char *next_deadline;
  char *search_text;
} LsDerived;

/* What a case object knows of the row it was loaded from or last saved
 * to, for a backend that keeps revisions: a save on a stale one is
 * refused.  Carried over to the copy an _async save makes, and back. */
typedef struct
{
  gint64 revision;
  gint64 journal_mark; /* the highest journal id it had */
} LsStoreSeen;

/* What an order of the list sorts by (ls_store_order_info()). */
typedef struct
{
  const char *column;
  gboolean descending;
  gboolean nulls_first;
  const char *(*get) (LsCaseSummary *summary);
} LsStoreOrderInfo;

/* Called for every field that changed, with its path in the case. */
typedef gboolean (*LsHistoryFunc) (const char *field,
                                   const char *old_value,
                                   const char *new_value,
                                   gpointer user_data,
                                   GError **error);

/* The register's tables, in the order of ls_store_register_member(). */
#define LS_STORE_REGISTER_TABLES 3

/* How a backend reads and writes the register's records: @stored returns
 * the JSON stored under @id in @table, or %NULL (without an error) when
 * there is none; @write inserts or updates the record. */
typedef struct
{
  gpointer backend;
  char *(*stored) (gpointer backend,
                   guint table,
                   const char *id,
                   GError **error);
  gboolean (*write) (gpointer backend,
                     guint table,
                     GObject *item,
                     const char *json,
                     GError **error);
} LsStoreRegisterIO;

/* How a backend adds what travels with a case in a document: a history
 * entry (at, field, old, new, who, why) unless the case has it, and an
 * attachment unless it is stored (then it must be the same file). */
typedef struct
{
  gpointer backend;
  gboolean (*add_history_once) (gpointer backend,
                                const char *const values[6],
                                gboolean *changed,
                                GError **error);
  gboolean (*insert_attachment) (gpointer backend,
                                 LsAttachment *attachment,
                                 GBytes *data,
                                 gboolean *changed,
                                 GError **error);
} LsStoreExtrasIO;

/* How a backend imports a document in one transaction of its writer:
 * @mutex is the writer's, held from @begin to @commit (or @rollback,
 * after any failure); @import writes the document's organisation, cases
 * and register inside the transaction, counting the cases and records it
 * changed; @committed (nullable) runs after the commit, under the lock. */
typedef struct
{
  gpointer backend;
  GRecMutex *mutex;
  gboolean (*begin) (gpointer backend, GError **error);
  gboolean (*import) (gpointer backend,
                      LsOrganisation *imported,
                      JsonObject *root,
                      JsonArray *cases,
                      const char *author,
                      guint *changed_count,
                      guint *people_changed,
                      GError **error);
  gboolean (*commit) (gpointer backend, GError **error);
  void (*rollback) (gpointer backend);
  void (*committed) (gpointer backend);
} LsStoreImportIO;

/* Reads an attachment's bytes on a backend's connection. */
typedef GBytes *(*LsStoreReadFunc) (gpointer connection,
                                    const char *uuid,
                                    GError **error);

/* clang-format off */
void            ls_store_set_rights           (LsStore            *self,
                                               LsStoreRights       rights);
void            ls_store_set_identity         (LsStore            *self,
                                               const char         *name,
                                               const char         *title);
void            ls_derived_clear              (LsDerived          *derived);
void            ls_store_set_seen             (LsCase             *lcase,
                                               const LsStoreSeen  *seen);
const LsStoreSeen *ls_store_get_seen          (LsCase             *lcase);
void            ls_store_derive               (LsCase             *lcase,
                                               LsDerived          *derived,
                                               char               *search_text);
char           *ls_store_dup_enum_nick        (GType               type,
                                               int                 value);
gboolean        ls_store_diff                 (const char         *path,
                                               JsonNode           *old_node,
                                               JsonNode           *new_node,
                                               LsHistoryFunc       func,
                                               gpointer            user_data,
                                               GError            **error);
gboolean        ls_store_diff_texts           (const char         *old_text,
                                               const char         *new_text,
                                               LsHistoryFunc       func,
                                               gpointer            user_data,
                                               GError            **error);
gboolean        ls_store_same_record          (const char         *a,
                                               const char         *b);
gboolean        ls_store_same_item            (const char         *stored,
                                               const char         *json);
gboolean        ls_store_journal_changed_error (GError           **error);
char           *ls_store_serialize_case       (LsCase             *lcase,
                                               GPtrArray          *item_json,
                                               GString            *search_text);
GPtrArray      *ls_store_attention_requirements (LsCase           *lcase,
                                                LsOrganisation   *organisation,
                                                LsPeopleRegister *routines);
GArray         *ls_store_attention_rows         (LsCase           *lcase,
                                                LsOrganisation   *organisation,
                                                LsPeopleRegister *routines);
const LsStoreOrderInfo *ls_store_order_info  (LsStoreOrder        order);
const char     *ls_store_order_column         (LsStoreOrder        order,
                                               gboolean           *descending);
GPtrArray      *ls_store_split_words          (const char         *text);
GPtrArray      *ls_store_similar_words        (const char         *text);
char           *ls_store_fold_words           (const char         *text);
char           *ls_store_now_iso              (void);
char           *ls_store_object_to_string     (JsonObject         *object);
JsonObject     *ls_store_object_from_string   (const char         *text,
                                               GError            **error);
gboolean        ls_store_read_document        (JsonNode           *document,
                                               LsOrganisation    **organisation,
                                               JsonArray         **cases,
                                               GError            **error);
LsCase         *ls_store_read_case            (JsonArray          *cases,
                                               guint               index,
                                               GError            **error);
void            ls_store_import_case_error    (LsCase             *lcase,
                                               guint               index,
                                               GError             *local_error,
                                               GError            **error);
gboolean        ls_store_organisation_differs (LsOrganisation     *a,
                                               LsOrganisation     *b);
JsonNode       *ls_store_build_document       (LsOrganisation     *organisation,
                                               LsPeopleRegister   *register_,
                                               JsonArray          *cases);
gboolean        ls_store_import_with          (LsStore            *store,
                                               const LsStoreImportIO *io,
                                               JsonNode           *document,
                                               const char         *author,
                                               guint              *n_changed,
                                               GError            **error);

/* ls-store-backend-extras.c */
LsOrganisation *ls_store_organisation_from_text (const char      *text,
                                               GError            **error);
const char     *ls_store_register_member      (guint               table);
const char     *ls_store_register_item_id     (GObject            *item);
LsPeopleRegister *ls_store_register_from_part (JsonObject         *part,
                                               GError            **error);
gboolean        ls_store_write_register       (const LsStoreRegisterIO *io,
                                               LsPeopleRegister   *register_,
                                               LsOrganisation     *organisation,
                                               guint              *n_changed,
                                               GError            **error);
gboolean        ls_store_import_register      (const LsStoreRegisterIO *io,
                                               JsonObject         *root,
                                               LsOrganisation     *organisation,
                                               guint              *n_changed,
                                               GError            **error);
gboolean        ls_store_check_change         (const char         *old_text,
                                               LsCase             *lcase,
                                               gboolean            row_changed,
                                               gint64              n_stored,
                                               gboolean            import,
                                               const char        **why,
                                               GError            **error);
gboolean        ls_store_record_late_duties   (const char         *old_text,
                                               LsCase             *lcase,
                                               LsHistoryFunc       func,
                                               gpointer            user_data,
                                               GError            **error);
JsonObject     *ls_store_history_entry_to_json (const char *const  values[6]);
gboolean        ls_store_set_extras           (JsonObject         *json,
                                               JsonArray          *history,
                                               GPtrArray          *list,
                                               LsStoreReadFunc     read,
                                               gpointer            connection,
                                               GError            **error);
gboolean        ls_store_extras_member        (JsonObject         *element,
                                               const char         *name,
                                               const char         *path,
                                               JsonArray         **out,
                                               GError            **error);
gboolean        ls_store_import_extras        (const LsStoreExtrasIO *io,
                                               JsonArray          *history,
                                               JsonArray          *attachments,
                                               const char         *path,
                                               gboolean           *changed,
                                               GError            **error);
gboolean        ls_store_check_attachment_data (LsAttachment      *attachment,
                                               GBytes             *data,
                                               GError            **error);
gboolean        ls_store_attachment_changed_error (GError        **error);
/* clang-format on */

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LsDerived, ls_derived_clear)

G_END_DECLS
