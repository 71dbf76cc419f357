/* The management codec against the shared vectors (docs/vectors/management): requests decode
 * to the listed fields, responses, events and console payloads encode to the listed bytes, and
 * malformed requests are refused with the listed code and request id. */
#include <inttypes.h>

#include "protocol.h"
#include "vectors.h"

static int failures = 0, checked = 0;

#define EXPECT(cond, ...)                                                  \
  do {                                                                     \
    if (!(cond)) {                                                         \
      printf("FAIL %s: %s: ", v.name, #cond);                              \
      printf(__VA_ARGS__);                                                 \
      printf("\n");                                                        \
      failures++;                                                          \
    }                                                                      \
  } while (0)

static uint8_t expected[8192], data[8192];
static char text1[512], text2[512];

typedef struct {
  char name[64];
  char hold[8][512];
  eave_list_entry entry;
} named_entry;
static named_entry entries[16];
static int entry_count;

static const struct { const char *name; uint8_t type; } types[] = {
    {"info", EAVE_REQ_INFO}, {"install-begin", EAVE_REQ_INSTALL_BEGIN}, {"install-data", EAVE_REQ_INSTALL_DATA},
    {"install-end", EAVE_REQ_INSTALL_END}, {"install-abort", EAVE_REQ_INSTALL_ABORT}, {"list", EAVE_REQ_LIST},
    {"start", EAVE_REQ_START}, {"stop", EAVE_REQ_STOP}, {"uninstall", EAVE_REQ_UNINSTALL},
    {"set-run-on-boot", EAVE_REQ_SET_RUN_ON_BOOT}, {"ok", EAVE_RSP_OK}, {"info-result", EAVE_RSP_INFO},
    {"installed", EAVE_RSP_INSTALLED}, {"list-result", EAVE_RSP_LIST}, {"error", EAVE_RSP_ERROR},
    {"started", EAVE_EVT_STARTED}, {"exited", EAVE_EVT_EXITED},
};

static int type_of(const char *name) {
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
    if (strcmp(types[i].name, name) == 0) return types[i].type;
  }
  return -1;
}

static void check_request(const vector v, int type, const uint8_t *bytes, size_t n) {
  eave_request r;
  int err = eave_request_decode(bytes, n, &r);
  EXPECT(err == 0, "decode error %d", err);
  EXPECT(r.type == type, "type %u", r.type);
  EXPECT(r.request == (uint32_t)vector_int(&v, "request"), "request %" PRIu32, r.request);
  if (vector_get(&v, "name")) EXPECT(strcmp(r.name, vector_text(vector_get(&v, "name"), text1, sizeof text1)) == 0, "name %s", r.name);
  if (vector_get(&v, "size")) EXPECT(r.size == (uint32_t)vector_int(&v, "size"), "size");
  if (vector_get(&v, "crc32")) EXPECT(r.crc32 == (uint32_t)strtoul(vector_get(&v, "crc32"), NULL, 16), "crc32");
  if (vector_get(&v, "run-on-boot")) EXPECT(r.run_on_boot == (vector_int(&v, "run-on-boot") == 1), "run-on-boot");
  if (vector_get(&v, "offset")) EXPECT(r.offset == (uint32_t)vector_int(&v, "offset"), "offset");
  if (vector_get(&v, "first")) EXPECT(r.first == (uint32_t)vector_int(&v, "first"), "first");
  if (vector_get(&v, "data")) {
    size_t len = vector_hex(vector_get(&v, "data"), data, sizeof data);
    EXPECT(r.data_length == len && memcmp(r.data, data, len) == 0, "data");
  }
  if (vector_get(&v, "args")) {
    char list[1024];
    snprintf(list, sizeof list, "%s", vector_get(&v, "args"));
    uint32_t argc = 0;
    if (strcmp(list, "-") != 0) {
      for (char *p = list; p != NULL; argc++) {
        char *comma = strchr(p, ',');
        if (comma) *comma = 0;
        EXPECT(argc < r.argc && strcmp(r.args[argc], vector_text(p, text1, sizeof text1)) == 0, "arg %u", (unsigned)argc);
        p = comma ? comma + 1 : NULL;
      }
    }
    EXPECT(r.argc == argc, "argc %u", (unsigned)r.argc);
  }
}

static const eave_list_entry *find_entry(const char *name) {
  for (int i = 0; i < entry_count; i++) {
    if (strcmp(entries[i].name, name) == 0) return &entries[i].entry;
  }
  return NULL;
}

static void check_encoding(const vector v, int type, const uint8_t *bytes, size_t n) {
  uint8_t out[8192];
  eave_writer w;
  eave_writer_init(&w, out, sizeof out);
  uint32_t request = (uint32_t)vector_int(&v, "request");
  uint8_t id[16];
  vector_hex(vector_get(&v, "image-id"), id, sizeof id);
  switch (type) {
    case EAVE_RSP_OK: eave_encode_ok(&w, request); break;
    case EAVE_RSP_ERROR:
      eave_encode_error(&w, request, (uint32_t)vector_int(&v, "code"), vector_text(vector_get(&v, "message"), text1, sizeof text1));
      break;
    case EAVE_RSP_INFO: {
      eave_info info = {(uint32_t)vector_int(&v, "max-chunk"), (uint32_t)vector_int(&v, "capacity"),
                        (uint32_t)vector_int(&v, "free"), (uint32_t)vector_int(&v, "max-entries"),
                        (uint32_t)vector_int(&v, "entries")};
      eave_encode_info(&w, request, &info);
      break;
    }
    case EAVE_RSP_INSTALLED: eave_encode_installed(&w, request, id, (uint32_t)vector_int(&v, "sequence")); break;
    case EAVE_RSP_LIST: {
      eave_list_entry list[16];
      uint32_t count = 0;
      char names[1024];
      snprintf(names, sizeof names, "%s", vector_get(&v, "entries"));
      if (strcmp(names, "-") != 0) {
        for (char *p = names; p != NULL; count++) {
          char *comma = strchr(p, ',');
          if (comma) *comma = 0;
          const eave_list_entry *e = find_entry(p);
          EXPECT(e != NULL, "entry %s", p);
          if (e) list[count] = *e;
          p = comma ? comma + 1 : NULL;
        }
      }
      eave_encode_list(&w, request, (uint32_t)vector_int(&v, "total"), list, count);
      break;
    }
    case EAVE_EVT_STARTED: eave_encode_started(&w, vector_text(vector_get(&v, "name"), text1, sizeof text1), id); break;
    case EAVE_EVT_EXITED: {
      uint32_t trace[64];
      uint32_t pairs = 0;
      const char *t = vector_get(&v, "trace");
      while (strcmp(t, "-") != 0 && *t) {
        unsigned long method = strtoul(t, (char **)&t, 10);
        unsigned long offset = strtoul(t + 1, (char **)&t, 10);
        trace[2 * pairs] = (uint32_t)method;
        trace[2 * pairs + 1] = (uint32_t)offset;
        pairs++;
        if (*t == ',') t++;
      }
      eave_exit_event e = {vector_text(vector_get(&v, "name"), text1, sizeof text1), (int64_t)vector_int(&v, "exit-code"),
                           (uint8_t)vector_int(&v, "kind"), vector_text(vector_get(&v, "reason"), text2, sizeof text2),
                           pairs, trace};
      eave_encode_exited(&w, &e);
      break;
    }
  }
  EXPECT(!w.overflow && w.length == n && memcmp(out, bytes, n) == 0, "encoding differs (%zu bytes, expected %zu)",
         w.length, n);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    printf("usage: test_device_protocol management-vectors.txt\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (f == NULL) {
    printf("cannot open %s\n", argv[1]);
    return 2;
  }
  static vector v;
  while (vector_next(f, &v)) {
    size_t n = vector_hex(vector_get(&v, "bytes"), expected, sizeof expected);
    checked++;
    if (strcmp(v.kind, "entry") == 0) {
      named_entry *ne = &entries[entry_count++];
      snprintf(ne->name, sizeof ne->name, "%s", v.name);
      eave_list_entry *e = &ne->entry;
      e->name = vector_text(vector_get(&v, "name"), ne->hold[0], sizeof ne->hold[0]);
      vector_hex(vector_get(&v, "image-id"), e->id, sizeof e->id);
      e->size = (uint32_t)vector_int(&v, "size");
      e->state = (uint8_t)vector_int(&v, "state");
      e->run_on_boot = vector_int(&v, "run-on-boot") == 1;
      e->exit_code = vector_int(&v, "exit-code");
      e->reason = vector_text(vector_get(&v, "reason"), ne->hold[1], sizeof ne->hold[1]);
      e->memory_used = (uint64_t)vector_int(&v, "memory");
      e->quota = (uint64_t)vector_int(&v, "quota");
      e->uptime_ms = (uint64_t)vector_int(&v, "uptime");
    } else if (strcmp(v.kind, "message") == 0) {
      int type = type_of(vector_get(&v, "type"));
      EXPECT(type >= 0, "unknown type");
      if (type < 0x40) check_request(v, type, expected, n);
      else check_encoding(v, type, expected, n);
    } else if (strcmp(v.kind, "console") == 0) {
      uint8_t out[1024];
      eave_writer w;
      eave_writer_init(&w, out, sizeof out);
      size_t tl = vector_hex(vector_get(&v, "text"), data, sizeof data);
      eave_encode_console(&w, (uint8_t)vector_int(&v, "stream"), vector_text(vector_get(&v, "name"), text1, sizeof text1), data, tl);
      EXPECT(w.length == n && memcmp(out, expected, n) == 0, "console encoding differs");
    } else if (strcmp(v.kind, "malformed") == 0) {
      eave_request r;
      int err = eave_request_decode(expected, n, &r);
      EXPECT(err == vector_int(&v, "error"), "error %d", err);
      EXPECT(r.request == (uint32_t)vector_int(&v, "request"), "request id %" PRIu32, r.request);
    } else {
      EXPECT(0, "unknown kind %s", v.kind);
    }
  }
  fclose(f);
  EXPECT(checked >= 40, "only %d vectors", checked);
  printf("protocol: %d vectors\n", checked);
  if (failures == 0) printf("protocol: all tests passed\n");
  return failures == 0 ? 0 : 1;
}
