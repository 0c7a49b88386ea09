/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ls-case-list"

#include "config.h"

#include <string.h>

#include "ls-case-list.h"
#include "ls-store-backend-private.h"

/* A list of cases that can show 100,000 of them: the length comes from
 * COUNT(*), the rows are fetched a page at a time as the view scrolls, and
 * only a few pages are kept.  It follows the store: every save refreshes
 * it.
 *
 * A search is different: counting every case that has a common word, and
 * sorting them all, takes as long as there are matches.  So a search takes
 * the newest LS_CASE_LIST_SEARCH_LIMIT matches that pass the filter, which
 * the full-text index finds without looking at the others, and sorts them
 * in memory; more than that is said, not counted.  Only their ids and the
 * value each has of the order's column are read for that: the summaries
 * are read a page at a time, the first with the search, the others as the
 * view scrolls to them (reading the summaries of all 1,000 to sort them
 * was most of a fresh search's time). */

/* A window's first frame reads the first page on the main loop, and shows
 * a dozen of its rows: a page of 200 took a millisecond of that frame at
 * 100,000 cases, one of 50 a tenth of it.  A list view shows less than
 * two pages, and four are kept. */
#define PAGE_SIZE 50
#define MAX_PAGES 4
/* The first page is read at first only as far as a window shows (a
 * dozen rows at 720 pixels, two dozen on a tall screen): the window's
 * first frame waits for it.  The rest of the page follows when a row
 * below is asked for, from the last row read, as the next page would. */
#define FIRST_ROWS 24

struct _LsCaseList
{
  GObject parent_instance;

  LsStore *store;
  gulong changed_id;

  char *status;
  char *unit;
  char *search;
  gboolean with_deadline;
  LsStoreOrder order;

  guint n_items;
  GHashTable *pages; /* page number -> GPtrArray of LsCaseSummary */
  /* Of a search: the ids of all its matches in the list's order, and the
   * summary of each at its place, %NULL until its page is read. */
  GArray *match_ids;
  GPtrArray *matches;
  gboolean limited;
  /* Whether the summaries read of the matches are as the store has them:
   * a keystroke reads again only those of cases they do not hold, until
   * the store changes. */
  gboolean reuse;

  /* A query run off the main loop applies only if no other change of the
   * filter came after it; a save during it refreshes once more after. */
  guint query_serial;
  guint refresh_serial;
  GTask *pending; /* the query running in its thread */
};

static void ls_case_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LsCaseList,
                               ls_case_list,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      ls_case_list_model_init))

enum
{
  PROP_0,
  PROP_STORE,
  PROP_N_ITEMS,
  PROP_QUERY_SERIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
fill_query (LsCaseList *self, LsStoreQuery *query)
{
  query->status = self->status;
  query->unit = self->unit;
  query->search = self->search;
  query->with_deadline = self->with_deadline;
  query->order = self->order;
}

static gboolean
has_words (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (g_unichar_isalnum (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

/* A match's id and its value of the order's column, as the store read
 * them, the newest first. */
typedef struct
{
  gint64 id;
  const char *key;
} MatchKey;

/* The list's order of a search: by the order's column, the cases without
 * a value last; the sort is stable, so equal ones stay newest first. */
static int
compare_keys (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const char *x = ((const MatchKey *) a)->key;
  const char *y = ((const MatchKey *) b)->key;
  gboolean descending = GPOINTER_TO_INT (user_data);

  if (x == NULL || y == NULL)
    return (x == NULL) - (y == NULL);
  return descending ? -strcmp (x, y) : strcmp (x, y);
}

static void
unref_summary (gpointer summary)
{
  g_clear_object (&summary);
}

static GHashTable *
new_known (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                g_object_unref);
}

/* The summaries the list holds of its matches by their ids, when they may
 * be shown again; %NULL when none.  A copy of its own, as a query's
 * thread reads it. */
static GHashTable *
dup_known (LsCaseList *self)
{
  GHashTable *known;

  if (!self->reuse || self->matches == NULL)
    return NULL;
  known = new_known ();
  for (guint i = 0; i < self->matches->len; i++)
    if (self->matches->pdata[i] != NULL)
      g_hash_table_insert (
          known,
          g_memdup2 (&g_array_index (self->match_ids, gint64, i),
                     sizeof (gint64)),
          g_object_ref (self->matches->pdata[i]));
  return known;
}

/* Fills the places from @from to @to of @summaries, the summaries of the
 * cases of @ids, from @known (the summaries of an earlier search, or
 * %NULL) or else read; a case removed since its id was read stays %NULL. */
static gboolean
read_matches (LsStore *store,
              GArray *ids,
              GPtrArray *summaries,
              guint from,
              guint to,
              GHashTable *known,
              GError **error)
{
  g_autoptr (GArray) unknown = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) places = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) read = NULL;

  for (guint i = from; i < to; i++)
    {
      gint64 *id = &g_array_index (ids, gint64, i);
      LsCaseSummary *summary =
          known != NULL ? g_hash_table_lookup (known, id) : NULL;

      if (summaries->pdata[i] != NULL)
        continue;
      if (summary != NULL)
        summaries->pdata[i] = g_object_ref (summary);
      else
        {
          g_array_append_val (unknown, *id);
          g_array_append_val (places, i);
        }
    }
  if (unknown->len == 0)
    return TRUE;
  read = ls_store_read_summaries (store, (const gint64 *) unknown->data,
                                  unknown->len, error);
  if (read == NULL)
    return FALSE;
  for (guint i = 0; i < read->len; i++)
    summaries->pdata[g_array_index (places, guint, i)] =
        g_steal_pointer (&read->pdata[i]);
  return TRUE;
}

/* The newest matches of a search that pass the filter, in the order asked
 * for: their ids in @ids, and in the array returned the summaries of the
 * first page of them (from @known, the summaries of the last search, or
 * else read), %NULL at the other places. */
static GPtrArray *
find_matches (LsStore *store,
              const LsStoreQuery *query,
              GHashTable *known,
              gboolean *limited,
              GArray **ids,
              GError **error)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) newest = NULL;
  g_autoptr (GArray) sorted = NULL;
  g_autoptr (GArray) order = NULL;
  g_autoptr (GPtrArray) summaries = NULL;
  gboolean descending;

  newest = ls_store_search_ids (store, query, LS_CASE_LIST_SEARCH_LIMIT + 1,
                                keys, error);
  if (newest == NULL)
    return NULL;
  *limited = newest->len > LS_CASE_LIST_SEARCH_LIMIT;
  if (*limited)
    g_array_set_size (newest, LS_CASE_LIST_SEARCH_LIMIT);

  order = g_array_sized_new (FALSE, FALSE, sizeof (MatchKey), newest->len);
  for (guint i = 0; i < newest->len; i++)
    {
      MatchKey match = { g_array_index (newest, gint64, i), keys->pdata[i] };

      g_array_append_val (order, match);
    }
  ls_store_order_column (query->order, &descending);
  g_array_sort_with_data (order, compare_keys, GINT_TO_POINTER (descending));
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (gint64), order->len);
  for (guint i = 0; i < order->len; i++)
    g_array_append_val (sorted, g_array_index (order, MatchKey, i).id);

  summaries = g_ptr_array_new_full (sorted->len, unref_summary);
  g_ptr_array_set_size (summaries, sorted->len);
  if (!read_matches (store, sorted, summaries, 0, MIN (sorted->len, PAGE_SIZE),
                     known, error))
    return NULL;
  *ids = g_steal_pointer (&sorted);
  return g_steal_pointer (&summaries);
}

static void
clear_matches (LsCaseList *self)
{
  g_clear_pointer (&self->match_ids, g_array_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
}

static guint
count_items (LsCaseList *self)
{
  g_autoptr (GError) error = NULL;
  LsStoreQuery query;
  gint64 n;

  fill_query (self, &query);
  self->limited = FALSE;
  if (has_words (self->search))
    {
      g_autoptr (GHashTable) known = dup_known (self);

      clear_matches (self);
      self->matches = find_matches (self->store, &query, known, &self->limited,
                                    &self->match_ids, &error);
      if (self->matches == NULL)
        {
          g_warning ("Could not search the cases: %s", error->message);
          return 0;
        }
      self->reuse = TRUE;
      return self->matches->len;
    }
  clear_matches (self);

  n = ls_store_count_cases (self->store, &query, &error);
  if (n < 0)
    {
      g_warning ("Could not count the cases: %s", error->message);
      return 0;
    }
  return (guint) n;
}

static void
store_changed_cb (LsStore *store, const char *uuid, LsCaseList *self)
{
  self->reuse = FALSE;
  ls_case_list_refresh (self);
}

static GType
ls_case_list_get_item_type (GListModel *model)
{
  return LS_TYPE_CASE_SUMMARY;
}

static guint
ls_case_list_get_n_items (GListModel *model)
{
  return LS_CASE_LIST (model)->n_items;
}

/* Reads the rows of @page that follow those it holds. */
static gboolean
read_rest_of_page (LsCaseList *self, GPtrArray *page)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rest = NULL;
  LsStoreQuery query;

  fill_query (self, &query);
  rest = ls_store_list_cases_after (self->store, &query,
                                    page->pdata[page->len - 1], 0,
                                    PAGE_SIZE - page->len, &error);
  if (rest == NULL)
    {
      g_warning ("Could not list the cases: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < rest->len; i++)
    g_ptr_array_add (page, g_object_ref (rest->pdata[i]));
  return TRUE;
}

static gpointer
ls_case_list_get_item (GListModel *model, guint position)
{
  LsCaseList *self = LS_CASE_LIST (model);
  guint page_number = position / PAGE_SIZE;
  GPtrArray *page;

  if (position >= self->n_items)
    return NULL;
  if (self->matches != NULL)
    {
      if (position >= self->matches->len)
        return NULL;
      /* The page of the matches that holds it, as the view scrolls. */
      if (self->matches->pdata[position] == NULL)
        {
          g_autoptr (GError) error = NULL;
          guint from = page_number * PAGE_SIZE;

          if (!read_matches (self->store, self->match_ids, self->matches, from,
                             MIN (from + PAGE_SIZE, self->matches->len), NULL,
                             &error))
            {
              g_warning ("Could not list the cases: %s", error->message);
              return NULL;
            }
        }
      return self->matches->pdata[position] != NULL
                 ? g_object_ref (self->matches->pdata[position])
                 : NULL;
    }

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_number));
  /* A page read only in part (the first, see FIRST_ROWS). */
  if (page != NULL && position % PAGE_SIZE >= page->len && page->len > 0 &&
      page->len < PAGE_SIZE &&
      page_number * PAGE_SIZE + page->len < self->n_items &&
      !read_rest_of_page (self, page))
    return NULL;
  if (page == NULL)
    {
      g_autoptr (GError) error = NULL;
      LsStoreQuery query;

      GPtrArray *before = NULL;
      guint start = 0;

      /* From the last row of the nearest page before that is held, as
       * scrolling down reads the next page: the page is then found from
       * the order's index at that row, however far down the list it is,
       * where an offset steps over every row before it. */
      for (guint k = page_number; before == NULL && k > 0; k--)
        {
          before = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (k - 1));
          /* A held page shorter than a whole one (the end of the list
           * when it was read) does not end where the next page begins,
           * so its last row is no key for it: the search goes on to the
           * pages before, whose whole pages still are. */
          if (before != NULL && before->len < PAGE_SIZE)
            before = NULL;
          start = k;
        }
      fill_query (self, &query);
      page = ls_store_list_cases_after (
          self->store, &query,
          before != NULL ? before->pdata[before->len - 1] : NULL,
          (page_number - (before != NULL ? start : 0)) * PAGE_SIZE,
          page_number == 0 && position < FIRST_ROWS ? FIRST_ROWS : PAGE_SIZE,
          &error);
      if (page == NULL)
        {
          g_warning ("Could not list the cases: %s", error->message);
          return NULL;
        }
      if (g_hash_table_size (self->pages) >= MAX_PAGES)
        g_hash_table_remove_all (self->pages);
      g_hash_table_insert (self->pages, GUINT_TO_POINTER (page_number), page);
    }

  if (position % PAGE_SIZE >= page->len)
    return NULL;
  return g_object_ref (page->pdata[position % PAGE_SIZE]);
}

static void
ls_case_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = ls_case_list_get_item_type;
  iface->get_n_items = ls_case_list_get_n_items;
  iface->get_item = ls_case_list_get_item;
}

static void
ls_case_list_get_property (GObject *object,
                           guint prop_id,
                           GValue *value,
                           GParamSpec *pspec)
{
  LsCaseList *self = LS_CASE_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_QUERY_SERIAL:
      g_value_set_uint (value, self->query_serial);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ls_case_list_set_property (GObject *object,
                           guint prop_id,
                           const GValue *value,
                           GParamSpec *pspec)
{
  LsCaseList *self = LS_CASE_LIST (object);

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
ls_case_list_constructed (GObject *object)
{
  LsCaseList *self = LS_CASE_LIST (object);

  G_OBJECT_CLASS (ls_case_list_parent_class)->constructed (object);

  self->changed_id = g_signal_connect (self->store, "changed",
                                       G_CALLBACK (store_changed_cb), self);
  self->n_items = count_items (self);
}

static void
ls_case_list_dispose (GObject *object)
{
  LsCaseList *self = LS_CASE_LIST (object);

  g_clear_object (&self->pending);
  if (self->store != NULL)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  if (self->pages != NULL)
    g_hash_table_remove_all (self->pages);

  G_OBJECT_CLASS (ls_case_list_parent_class)->dispose (object);
}

static void
ls_case_list_finalize (GObject *object)
{
  LsCaseList *self = LS_CASE_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  clear_matches (self);
  g_free (self->status);
  g_free (self->unit);
  g_free (self->search);

  G_OBJECT_CLASS (ls_case_list_parent_class)->finalize (object);
}

static void
ls_case_list_class_init (LsCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ls_case_list_get_property;
  object_class->set_property = ls_case_list_set_property;
  object_class->constructed = ls_case_list_constructed;
  object_class->dispose = ls_case_list_dispose;
  object_class->finalize = ls_case_list_finalize;

  properties[PROP_STORE] = g_param_spec_object (
      "store", NULL, NULL, LS_TYPE_STORE,
      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] = g_param_spec_uint (
      "n-items", NULL, NULL, 0, G_MAXUINT, 0,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * LsCaseList:query-serial:
   *
   * Counts the changes of the filter, the search and the order; notified
   * when the list shows the result of ls_case_list_set_query_async(),
   * also when it left every item as it was.
   */
  properties[PROP_QUERY_SERIAL] = g_param_spec_uint (
      "query-serial", NULL, NULL, 0, G_MAXUINT, 0,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ls_case_list_init (LsCaseList *self)
{
  self->pages = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                       (GDestroyNotify) g_ptr_array_unref);
  self->order = LS_STORE_ORDER_UPDATED;
}

LsCaseList *
ls_case_list_new (LsStore *store)
{
  g_return_val_if_fail (LS_IS_STORE (store), NULL);

  return g_object_new (LS_TYPE_CASE_LIST, "store", store, NULL);
}

LsStore *
ls_case_list_get_store (LsCaseList *self)
{
  g_return_val_if_fail (LS_IS_CASE_LIST (self), NULL);

  return self->store;
}

/**
 * ls_case_list_refresh:
 *
 * Reads the count again and drops the fetched pages; called on every save
 * of the store and every change of the filter.
 */
void
ls_case_list_refresh (LsCaseList *self)
{
  guint old_n;

  g_return_if_fail (LS_IS_CASE_LIST (self));

  old_n = self->n_items;
  self->refresh_serial++;
  g_hash_table_remove_all (self->pages);
  self->n_items = count_items (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
replace_string (LsCaseList *self, char **field, const char *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  self->query_serial++;
  ls_case_list_refresh (self);
}

void
ls_case_list_set_status (LsCaseList *self, const char *status)
{
  g_return_if_fail (LS_IS_CASE_LIST (self));

  replace_string (self, &self->status, status);
}

void
ls_case_list_set_unit (LsCaseList *self, const char *unit)
{
  g_return_if_fail (LS_IS_CASE_LIST (self));

  replace_string (self, &self->unit, unit);
}

/**
 * ls_case_list_set_search:
 * @search: (nullable): words as typed; each must occur as a word or the
 *   start of one
 */
void
ls_case_list_set_search (LsCaseList *self, const char *search)
{
  g_return_if_fail (LS_IS_CASE_LIST (self));

  replace_string (self, &self->search, search);
}

void
ls_case_list_set_with_deadline (LsCaseList *self, gboolean with_deadline)
{
  g_return_if_fail (LS_IS_CASE_LIST (self));

  if (self->with_deadline == !!with_deadline)
    return;
  self->with_deadline = !!with_deadline;
  self->query_serial++;
  ls_case_list_refresh (self);
}

void
ls_case_list_set_order (LsCaseList *self, LsStoreOrder order)
{
  g_return_if_fail (LS_IS_CASE_LIST (self));

  if (self->order == order)
    return;
  self->order = order;
  self->query_serial++;
  ls_case_list_refresh (self);
}

/* ---- Queries off the main loop ------------------------------------------- */

typedef struct
{
  char *status;
  char *unit;
  char *search;
  gboolean with_deadline;
  LsStoreOrder order;

  guint query_serial;
  guint refresh_serial;
  gint64 n_items;
  GPtrArray *first_page;
  GArray *match_ids;
  GPtrArray *matches;
  gboolean limited;
  GHashTable *known; /* the list's when the query began */

  /* Set by the thread when the result is complete, so that the list may
   * take it before the task's callback comes (see
   * ls_case_list_apply_pending_query()). */
  GMutex lock;
  GCond done;
  gboolean finished;
  gboolean ready;
  gboolean applied;
} QueryData;

static void
query_data_free (QueryData *data)
{
  g_mutex_clear (&data->lock);
  g_cond_clear (&data->done);
  g_free (data->status);
  g_free (data->unit);
  g_free (data->search);
  g_clear_pointer (&data->first_page, g_ptr_array_unref);
  g_clear_pointer (&data->match_ids, g_array_unref);
  g_clear_pointer (&data->matches, g_ptr_array_unref);
  g_clear_pointer (&data->known, g_hash_table_unref);
  g_free (data);
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The query itself; %FALSE with @error set when it failed. */
static gboolean
run_query (LsCaseList *self,
           QueryData *data,
           GCancellable *cancellable,
           GError **error)
{
  LsStoreQuery query = { data->status, data->unit, data->search,
                         data->with_deadline, data->order };

  if (has_words (data->search))
    {
      data->matches = find_matches (self->store, &query, data->known,
                                    &data->limited, &data->match_ids, error);
      if (data->matches == NULL)
        return FALSE;
      data->n_items = data->matches->len;
      return TRUE;
    }

  data->n_items = ls_store_count_cases (self->store, &query, error);
  if (data->n_items < 0 ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* The first page too, so that the view can draw its first rows without
   * going back to the database on the main loop. */
  data->first_page =
      ls_store_list_cases (self->store, &query, 0, PAGE_SIZE, error);
  return data->first_page != NULL;
}

static void
query_thread (GTask *task,
              gpointer source_object,
              gpointer task_data,
              GCancellable *cancellable)
{
  QueryData *data = task_data;
  GError *error = NULL;
  gboolean ok = run_query (source_object, data, cancellable, &error);

  /* Finished either way, so that no one waits for a failed query. */
  g_mutex_lock (&data->lock);
  data->finished = TRUE;
  data->ready = ok;
  g_cond_broadcast (&data->done);
  g_mutex_unlock (&data->lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
replace_field (char **field, const char *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

/* The first items the list holds now: the matches of a search, or the
 * first page when it was fetched. */
static GPtrArray *
first_items (LsCaseList *self)
{
  if (self->matches != NULL)
    return self->matches;
  return g_hash_table_lookup (self->pages, GUINT_TO_POINTER (0));
}

/* How many items at the start of @after show the same as those of
 * @before; they take the objects of @before, so that the list view keeps
 * their rows.  A keystroke that leaves the newest matches as they were
 * then makes no row again.  Matches not read yet are the same when their
 * cases are (@before_ids, @after_ids: both lists' ids, if both are
 * searches): the store has not changed since the ones read were, or the
 * list is read again. */
static guint
keep_same_first (GPtrArray *before,
                 GArray *before_ids,
                 GPtrArray *after,
                 GArray *after_ids)
{
  guint n = 0;

  if (before == NULL || after == NULL)
    return 0;
  for (; n < before->len && n < after->len; n++)
    {
      if (before_ids != NULL && after_ids != NULL &&
          g_array_index (before_ids, gint64, n) !=
              g_array_index (after_ids, gint64, n))
        break;
      if (before->pdata[n] == NULL || after->pdata[n] == NULL)
        {
          if (before_ids == NULL || after_ids == NULL)
            break;
          if (after->pdata[n] == NULL && before->pdata[n] != NULL)
            after->pdata[n] = g_object_ref (before->pdata[n]);
          continue;
        }
      if (!ls_case_summary_equal (before->pdata[n], after->pdata[n]))
        break;
      g_object_unref (after->pdata[n]);
      after->pdata[n] = g_object_ref (before->pdata[n]);
    }
  return n;
}

static gboolean
apply_query (LsCaseList *self, QueryData *data)
{
  guint old_n;
  guint same;
  gboolean stale;

  if (data->query_serial != self->query_serial)
    return FALSE;

  replace_field (&self->status, data->status);
  replace_field (&self->unit, data->unit);
  replace_field (&self->search, data->search);
  self->with_deadline = data->with_deadline;
  self->order = data->order;

  /* A save while the thread counted makes its numbers stale. */
  stale = data->refresh_serial != self->refresh_serial;

  old_n = self->n_items;
  same = keep_same_first (
      first_items (self), self->matches != NULL ? self->match_ids : NULL,
      data->matches != NULL ? data->matches : data->first_page,
      data->match_ids);
  same = MIN (same, MIN (old_n, (guint) data->n_items));
  g_hash_table_remove_all (self->pages);
  clear_matches (self);
  self->match_ids = g_steal_pointer (&data->match_ids);
  self->matches = g_steal_pointer (&data->matches);
  self->limited = data->limited;
  /* After a save the summaries read may be older than it. */
  self->reuse = !stale;
  self->n_items = (guint) data->n_items;
  if (data->first_page != NULL)
    g_hash_table_insert (self->pages, GUINT_TO_POINTER (0),
                         g_steal_pointer (&data->first_page));
  if (old_n != same || self->n_items != same)
    g_list_model_items_changed (G_LIST_MODEL (self), same, old_n - same,
                                self->n_items - same);
  if (old_n != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY_SERIAL]);

  if (stale)
    ls_case_list_refresh (self);
  return TRUE;
}

static void
query_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LsCaseList *self = LS_CASE_LIST (source);
  g_autoptr (GTask) outer = user_data;
  QueryData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (self->pending == G_TASK (result))
    g_clear_object (&self->pending);
  if (data->applied)
    g_task_return_boolean (outer, TRUE);
  else if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (outer, error);
  else if (!apply_query (self, data))
    g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "Another query came after this one");
  else
    g_task_return_boolean (outer, TRUE);
}

/**
 * ls_case_list_set_query_async:
 * @query: the filter, search and order to show
 *
 * Changes the whole query at once, counting the cases and fetching the
 * first page in a worker thread, so that typing a search never waits for
 * the database.  The list changes when the result comes, just before
 * @callback runs; a query that another change of the filter overtook is
 * dropped and finishes with %G_IO_ERROR_CANCELLED.
 */
void
ls_case_list_set_query_async (LsCaseList *self,
                              const LsStoreQuery *query,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  GTask *outer;
  QueryData *data;

  g_return_if_fail (LS_IS_CASE_LIST (self));
  g_return_if_fail (query != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, ls_case_list_set_query_async);

  data = g_new0 (QueryData, 1);
  data->status = g_strdup (empty_to_null (query->status));
  data->unit = g_strdup (empty_to_null (query->unit));
  data->search = g_strdup (empty_to_null (query->search));
  data->with_deadline = !!query->with_deadline;
  data->order = query->order;
  data->query_serial = ++self->query_serial;
  data->refresh_serial = self->refresh_serial;
  data->known = dup_known (self);
  g_mutex_init (&data->lock);
  g_cond_init (&data->done);

  task = g_task_new (self, cancellable, query_done_cb, outer);
  g_task_set_check_cancellable (task, TRUE);
  g_task_set_task_data (task, data, (GDestroyNotify) query_data_free);
  g_set_object (&self->pending, task);
  g_task_run_in_thread (task, query_thread);
}

/**
 * ls_case_list_apply_pending_query:
 * @timeout_us: how long to wait for the query's thread, in microseconds
 *
 * Shows the result of the last ls_case_list_set_query_async() now, if its
 * thread has it or has it within @timeout_us, rather than when its task
 * returns on the main loop.  A window calls it just before it draws a
 * frame: the frame after a keystroke then shows its matches, where it
 * would otherwise show only the letter typed, and the matches a frame
 * later (a frame is not drawn within 16 ms of the one before).
 *
 * Returns: whether the list changed to the query's result
 */
gboolean
ls_case_list_apply_pending_query (LsCaseList *self, gint64 timeout_us)
{
  QueryData *data;
  gint64 end = g_get_monotonic_time () + timeout_us;
  gboolean ready;

  g_return_val_if_fail (LS_IS_CASE_LIST (self), FALSE);

  if (self->pending == NULL)
    return FALSE;
  data = g_task_get_task_data (self->pending);
  g_mutex_lock (&data->lock);
  while (!data->finished && g_cond_wait_until (&data->done, &data->lock, end))
    ;
  ready = data->ready;
  g_mutex_unlock (&data->lock);
  if (!ready || data->applied)
    return FALSE;
  /* Once only: the task's callback then finds it done. */
  g_clear_object (&self->pending);
  data->applied = apply_query (self, data);
  return data->applied;
}

/**
 * ls_case_list_set_query_finish:
 *
 * Returns: whether the list now shows the query
 */
gboolean
ls_case_list_set_query_finish (LsCaseList *self,
                               GAsyncResult *result,
                               GError **error)
{
  g_return_val_if_fail (LS_IS_CASE_LIST (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                            ls_case_list_set_query_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ls_case_list_get_limited:
 *
 * Returns: whether more than %LS_CASE_LIST_SEARCH_LIMIT cases match a
 *   search and pass the filter, so that the list holds only the newest
 *   of them
 */
gboolean
ls_case_list_get_limited (LsCaseList *self)
{
  g_return_val_if_fail (LS_IS_CASE_LIST (self), FALSE);

  return self->limited;
}
