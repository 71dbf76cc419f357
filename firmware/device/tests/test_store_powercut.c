/* Power cuts: every change of the store is run again and again with the power lost after 0, 1,
 * 2, ... bytes written (an erase counts as one), up to the whole change. The interrupted write
 * leaves its last byte half-programmed; an interrupted erase erases half a sector. After each cut
 * the store must reopen to exactly the state before the change or exactly the one after it, with
 * every image intact, and must then take a further change and keep it across a reopen. */
#include "store_testing.h"

#define SECTOR 256u
#define SECTORS 8u  /* two banks of 1 KB: small enough that changes compact */

static uint8_t flash[SECTOR * SECTORS], saved[SECTOR * SECTORS];
static uint8_t img_a[200], img_a2[260], img_b[150], img_b2[150], img_c[64], img_z[40];
static long cases, old_seen, new_seen;

typedef void (*base_fn)(eave_store *store);
typedef eave_store_status (*op_fn)(eave_store *store);

static void base_empty(eave_store *store) { (void)store; }
static void base_a(eave_store *store) { install(store, "a", img_a, sizeof img_a, 0, 64); }
static void base_ab(eave_store *store) {
  base_a(store);
  install(store, "b", img_b, sizeof img_b, EAVE_STORE_RUN_ON_BOOT, 50);
}
static void base_ab_replaced(eave_store *store) {
  base_ab(store);
  install(store, "b", img_b2, sizeof img_b2, 0, 50);
}
static void base_nearly_full(eave_store *store) {
  base_ab_replaced(store);
  install(store, "c", img_c, sizeof img_c, 0, 64);
}

static eave_store_status op_install_a(eave_store *s) { return install(s, "a", img_a, sizeof img_a, 0, 64); }
static eave_store_status op_install_b(eave_store *s) { return install(s, "b", img_b, sizeof img_b, 1, 50); }
static eave_store_status op_replace_a(eave_store *s) { return install(s, "a", img_a2, sizeof img_a2, 0, 100); }
static eave_store_status op_replace_b(eave_store *s) { return install(s, "b", img_b, sizeof img_b, 0, 150); }
static eave_store_status op_uninstall_a(eave_store *s) { return eave_store_uninstall(s, "a"); }
static eave_store_status op_flags_b(eave_store *s) { return eave_store_set_flags(s, "b", 0); }
static eave_store_status op_compact(eave_store *s) { return eave_store_compact(s); }

static void run(const char *what, base_fn base, op_fn op, uint32_t unit, bool compacts) {
  eave_ram_storage ram;
  eave_ram_storage_init(&ram, flash, SECTOR, SECTORS, unit, true);
  eave_store store;
  EXPECT_STATUS(eave_store_open(&store, &ram.storage, NULL), EAVE_STORE_OK);
  base(&store);
  EXPECT_STATUS(eave_store_open(&store, &ram.storage, NULL), EAVE_STORE_OK);
  snapshot before, after, now;
  EXPECT(take_snapshot(&store, &before), "%s: base intact", what);
  memcpy(saved, flash, sizeof flash);

  /* The change without a cut: how many bytes it writes, and the state after it. */
  cut_storage cut;
  cut_init(&cut, &ram.storage, -1);
  EXPECT_STATUS(eave_store_open(&store, &cut.storage, NULL), EAVE_STORE_OK);
  uint32_t generation = store.generation;
  EXPECT_STATUS(op(&store), EAVE_STORE_OK);
  EXPECT((store.generation != generation) == compacts, "%s: compacts %d", what, (int)compacts);
  long total = cut.spent;
  EXPECT_STATUS(eave_store_open(&store, &ram.storage, NULL), EAVE_STORE_OK);
  EXPECT(take_snapshot(&store, &after), "%s: after intact", what);
  EXPECT(!same_snapshot(&before, &after) || op == op_compact, "%s: the change changes something", what);

  for (long budget = 0; budget <= total; budget++) {
    memcpy(flash, saved, sizeof flash);
    cut_init(&cut, &ram.storage, budget);
    EXPECT_STATUS(eave_store_open(&store, &cut.storage, NULL), EAVE_STORE_OK);
    eave_store_status status = op(&store);
    EXPECT((status == EAVE_STORE_OK) == (budget == total), "%s: cut at %ld of %ld: %s", what, budget, total,
           eave_store_status_name(status));
    cases++;

    /* Power back: reopen on the plain storage. */
    eave_store_status opened = eave_store_open(&store, &ram.storage, NULL);
    EXPECT(opened == EAVE_STORE_OK, "%s: cut at %ld: reopen %s", what, budget, eave_store_status_name(opened));
    if (opened != EAVE_STORE_OK) continue;
    bool intact = take_snapshot(&store, &now);
    EXPECT(intact, "%s: cut at %ld: an image is corrupt", what, budget);
    bool is_old = same_snapshot(&now, &before), is_new = same_snapshot(&now, &after);
    EXPECT(is_old || is_new, "%s: cut at %ld of %ld: neither the old nor the new state (%u entries)", what, budget,
           total, (unsigned)now.count);
    if (is_old && !is_new) old_seen++;
    if (is_new) new_seen++;

    /* The store goes on: one more change, kept across a reopen. */
    uint32_t count = now.count;
    EXPECT_STATUS(install(&store, "z", img_z, sizeof img_z, 0, 40), EAVE_STORE_OK);
    EXPECT_STATUS(eave_store_open(&store, &ram.storage, NULL), EAVE_STORE_OK);
    EXPECT(eave_store_count(&store) == count + 1 && eave_store_find(&store, "z") != NULL, "%s: cut at %ld: goes on",
           what, budget);
    EXPECT(take_snapshot(&store, &now), "%s: cut at %ld: intact after going on", what, budget);
  }
}

int main(void) {
  make_image(img_a, sizeof img_a, 1);
  make_image(img_a2, sizeof img_a2, 2);
  make_image(img_b, sizeof img_b, 3);
  make_image(img_b2, sizeof img_b2, 4);
  make_image(img_c, sizeof img_c, 5);
  make_image(img_z, sizeof img_z, 6);
  const uint32_t units[] = {1, 8};
  for (uint32_t u = 0; u < 2; u++) {
    uint32_t unit = units[u];
    run("install into an empty store", base_empty, op_install_a, unit, false);
    run("install a second entry", base_a, op_install_b, unit, false);
    run("replace", base_ab, op_replace_a, unit, false);
    run("uninstall", base_ab, op_uninstall_a, unit, false);
    run("set flags", base_ab, op_flags_b, unit, false);
    run("replace with compaction", base_ab_replaced, op_replace_b, unit, true);
    run("uninstall with compaction", base_nearly_full, op_uninstall_a, unit, true);
    run("compaction", base_ab_replaced, op_compact, unit, true);
  }
  printf("store power cuts: %ld cuts, %ld reopened to the old state, %ld to the new\n", cases, old_seen, new_seen);
  if (failures == 0) printf("store_powercut: all tests passed\n");
  return failures == 0 ? 0 : 1;
}
