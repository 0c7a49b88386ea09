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

/* Called for every field that changed, with its path in the case. */
typedef gboolean (*LsHistoryFunc) (const char *field,
                                   const char *old_value,
                                   const char *new_value,
                                   gpointer user_data,
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
/* clang-format on */

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LsDerived, ls_derived_clear)

G_END_DECLS
