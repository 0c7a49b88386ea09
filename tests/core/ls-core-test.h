/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "ls-case.h"
#include "ls-organisation.h"
#include "ls-store.h"

G_BEGIN_DECLS

/* libpq's connection, without its header: the tests that use no server
 * need neither it nor libpq (see ls-core-test-pg.c). */
typedef struct pg_conn PGconn;

/* Helpers shared by the core tests: the example document as a fixture,
 * temporary folders, checksums of files and direct looks into a database
 * file with bare sqlite3, behind the store's back. */

/* Units of the example's organisation. */
#define LS_CORE_TEST_UNIT_SOLGARDEN "6637c86c-a47f-4dae-8000-0b60995e4035"
#define LS_CORE_TEST_UNIT_LINDEN "eed27bfe-1a3f-4647-9f5e-ae39f322ea91"

/* The fixture of a test of the store on either backend: a folder of its
 * own, the location of its store there (a file, or a database of its own
 * on the test server) and the store, when the set-up opened it. */
typedef struct
{
  char *dir;
  gboolean pg;
  const char *location;
  LsStore *store;
} LsCoreTestStore;

/* clang-format off */
JsonNode       *ls_core_test_load_example      (void);
LsStore        *ls_core_test_open_store        (const char  *location);
void            ls_core_test_import_example    (LsStore     *store);
LsOrganisation *ls_core_test_example_organisation (void);
LsCase         *ls_core_test_example_case      (guint        index);
GDateTime      *ls_core_test_now               (void);
char           *ls_core_test_make_tmpdir       (const char  *name);
void            ls_core_test_remove_tree       (const char  *path);
char           *ls_core_test_checksum_file     (const char  *path);
sqlite3        *ls_core_test_open_raw          (const char  *path);
gint64          ls_core_test_query_int         (sqlite3     *db,
                                                const char  *sql);
char           *ls_core_test_query_text        (sqlite3     *db,
                                                const char  *sql);
gboolean        ls_core_test_json_equal        (JsonNode    *a,
                                                JsonNode    *b);
JsonNode       *ls_core_test_case_node         (LsCase      *lcase);
JsonNode       *ls_core_test_case_fields       (JsonNode    *node);
char           *ls_core_test_uuid              (guint64      n);
LsCase         *ls_core_test_numbered_case     (guint        n);
JsonNode       *ls_core_test_document_of       (JsonArray   *cases);
JsonNode       *ls_core_test_numbered_document (guint        n_cases);
GPtrArray      *ls_core_test_search            (LsStore     *store,
                                                const char  *text,
                                                guint        limit,
                                                GError     **error);
gint64          ls_core_test_count_cases       (const char  *path);
GSubprocess    *ls_core_test_run_command       (const char *const *argv,
                                                char       **out,
                                                char       **err);
int             ls_core_test_spawn_announcing  (char *const *argv,
                                                int         *reader);
gboolean        ls_core_test_read_announced    (int          reader,
                                                GString     *lines,
                                                int          timeout_ms);
void            ls_core_test_empty_register    (JsonNode    *document);
const char     *ls_core_test_pg_server         (void);
PGconn         *ls_core_test_pg_connect        (const char  *conninfo);
char           *ls_core_test_pg_exec           (const char  *conninfo,
                                                const char  *sql);
gint64          ls_core_test_pg_query_int      (const char  *conninfo,
                                                const char  *sql);
char           *ls_core_test_pg_create_database (char      **name_out);
void            ls_core_test_pg_drop_database  (const char  *name);
const char     *ls_core_test_location          (const char  *dir,
                                                const char  *name,
                                                gboolean     pg);
void            ls_core_test_drop_locations    (void);
void            ls_core_test_store_set_up      (LsCoreTestStore *f,
                                                const char  *name,
                                                gboolean     pg,
                                                gboolean     example);
void            ls_core_test_store_tear_down   (LsCoreTestStore *f,
                                                gconstpointer data);
gint64          ls_core_test_raw_int           (const char  *location,
                                                const char  *sql);
gboolean        ls_core_test_raw_exec          (const char  *location,
                                                const char  *sql);
void            ls_core_test_add_both          (const char  *path,
                                                gsize        data_size,
                                                gconstpointer sqlite_data,
                                                gconstpointer pg_data,
                                                GTestFixtureFunc setup,
                                                GTestFixtureFunc test,
                                                GTestFixtureFunc teardown);
/* One test of the store on both backends (ls_core_test_add_both ()). */
#define LS_CORE_TEST_ADD_BOTH(path, Fixture, sqlite_data, pg_data, setup,     \
                              test, teardown)                                 \
  ls_core_test_add_both (path, sizeof (Fixture), sqlite_data, pg_data,        \
                         (GTestFixtureFunc) setup, (GTestFixtureFunc) test,   \
                         (GTestFixtureFunc) teardown)
/* clang-format on */

G_END_DECLS
