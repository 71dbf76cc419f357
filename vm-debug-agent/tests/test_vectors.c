/* The shared protocol vectors (docs/vectors/debug/debug-vectors.txt): every request decodes to
 * exactly its fields, every response and event encodes to exactly its bytes, and every malformed
 * request is refused, by the codec and by a live agent, with ERROR BAD_REQUEST and its request
 * id, the agent staying usable. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "debug_agent.h"
#include "debug_codec.h"
#include "harness.h"

static int failures, checked;

#define CHECK(cond, name, what) do { \
    if (!(cond)) { failures++; fprintf(stderr, "FAIL %s: %s (line %d)\n", (name), (what), __LINE__); } \
  } while (0)

typedef struct {
  char key[32];
  char value[1200];
} field;

typedef struct {
  char kind[16], name[64];
  field fields[16];
  int count;
} vector;

static const char *get(const vector *v, const char *key) {
  for (int i = 0; i < v->count; i++)
    if (strcmp(v->fields[i].key, key) == 0) return v->fields[i].value;
  return NULL;
}

static long long num(const vector *v, const char *key) {
  const char *s = get(v, key);
  return s ? strtoll(s, NULL, 10) : -999999;
}

static size_t unhex(const char *s, uint8_t *out, size_t capacity) {
  if (!s || strcmp(s, "-") == 0) return 0;
  size_t n = strlen(s) / 2;
  if (n > capacity) n = capacity;
  for (size_t i = 0; i < n; i++) {
    unsigned b;
    sscanf(s + 2 * i, "%2x", &b);
    out[i] = (uint8_t)b;
  }
  return n;
}

/* One value of the vector syntax; strings get their full text rebuilt (the vector carries the
 * prefix only): the prefix's last character repeated up to the total size. */
static uint8_t texts[64][512];
static int text_count;

static void parse_value(const char *s, eave_debug_value *v) {
  memset(v, 0, sizeof *v);
  if (strcmp(s, "null") == 0) { v->kind = EAVE_DBG_VALUE_NULL; return; }
  if (strcmp(s, "true") == 0) { v->kind = EAVE_DBG_VALUE_TRUE; return; }
  if (strcmp(s, "false") == 0) { v->kind = EAVE_DBG_VALUE_FALSE; return; }
  if (strncmp(s, "int:", 4) == 0) { v->kind = EAVE_DBG_VALUE_INT; v->integer = strtoll(s + 4, NULL, 10); return; }
  if (strncmp(s, "float:", 6) == 0) { v->kind = EAVE_DBG_VALUE_FLOAT; unhex(s + 6, v->float_bytes, 8); return; }
  if (strncmp(s, "object:", 7) == 0) {
    unsigned long r, k, n;
    sscanf(s + 7, "%lu:%lu:%lu", &r, &k, &n);
    v->kind = EAVE_DBG_VALUE_OBJECT;
    v->reference = (uint32_t)r;
    v->class_index = (uint32_t)k;
    v->size = (uint32_t)n;
    return;
  }
  if (strncmp(s, "string:", 7) == 0) {
    unsigned long r, n;
    char hex[300] = "";
    sscanf(s + 7, "%lu:%lu:%299s", &r, &n, hex);
    uint8_t *t = texts[text_count++ % 64];
    size_t have = unhex(hex, t, 512);
    size_t last = have;
    while (last > 0 && (t[last - 1] & 0xC0) == 0x80) last--;
    if (last > 0) last--;
    size_t width = have - last;
    while (have < n && width > 0) {
      memcpy(t + have, t + last, width);
      have += width;
    }
    v->kind = EAVE_DBG_VALUE_STRING;
    v->reference = (uint32_t)r;
    v->size = (uint32_t)n;
    v->text = t;
  }
}

static int type_of(const char *s) {
  static const char *names[] = {"", "attach", "detach", "set-breakpoint", "clear-breakpoint", "set-exception-stops",
                                "pause", "continue", "step", "tasks", "stack", "locals", "object", "globals", "ok",
                                "error", "attached", "breakpoint-set", "task-list", "frames", "values"};
  for (int i = 1; i < (int)(sizeof names / sizeof names[0]); i++)
    if (strcmp(names[i], s) == 0) return i;
  if (strcmp(s, "stopped") == 0) return EAVE_DBG_STOPPED;
  if (strcmp(s, "continued") == 0) return EAVE_DBG_CONTINUED;
  if (strcmp(s, "exited") == 0) return EAVE_DBG_EXITED;
  return -1;
}

static void check_request(const vector *v, int type, const uint8_t *bytes, size_t length) {
  eave_debug_request r;
  const char *name = v->name;
  CHECK(eave_debug_decode(bytes, length, &r), name, "decodes");
  CHECK(r.type == type, name, "type");
  CHECK(r.request == (uint32_t)num(v, "request"), name, "request id");
  switch (type) {
    case EAVE_DBG_ATTACH: {
      uint8_t want[256];
      size_t n = unhex(get(v, "container"), want, sizeof want);
      CHECK(r.name_length == n && memcmp(r.name, want, n) == 0, name, "container");
      break;
    }
    case EAVE_DBG_SET_BREAKPOINT:
      CHECK(r.method == (uint32_t)num(v, "method") && r.offset == (uint32_t)num(v, "offset"), name, "location");
      break;
    case EAVE_DBG_CLEAR_BREAKPOINT: CHECK(r.breakpoint == (uint32_t)num(v, "breakpoint"), name, "breakpoint"); break;
    case EAVE_DBG_SET_EXCEPTION_STOPS: CHECK(r.flags == num(v, "flags"), name, "flags"); break;
    case EAVE_DBG_STEP: {
      CHECK(r.task == (uint32_t)num(v, "task") && r.mode == num(v, "mode") && r.frame == (uint32_t)num(v, "frame"), name,
            "task, mode, frame");
      char ranges[1200] = "";
      for (uint32_t i = 0; i < r.range_count; i++) {
        char one[32];
        snprintf(one, sizeof one, "%s%lu-%lu", i ? "," : "", (unsigned long)r.ranges[i].from, (unsigned long)r.ranges[i].to);
        strcat(ranges, one);
      }
      if (r.range_count == 0) strcpy(ranges, "-");
      CHECK(strcmp(ranges, get(v, "ranges")) == 0, name, "ranges");
      break;
    }
    case EAVE_DBG_STACK:
      CHECK(r.task == (uint32_t)num(v, "task") && r.start == (uint32_t)num(v, "start") && r.count == (uint32_t)num(v, "count"),
            name, "stack fields");
      break;
    case EAVE_DBG_LOCALS:
      CHECK(r.task == (uint32_t)num(v, "task") && r.frame == (uint32_t)num(v, "frame") &&
            r.start == (uint32_t)num(v, "start") && r.count == (uint32_t)num(v, "count"), name, "locals fields");
      break;
    case EAVE_DBG_OBJECT:
      CHECK(r.reference == (uint32_t)num(v, "reference") && r.start == (uint32_t)num(v, "start") &&
            r.count == (uint32_t)num(v, "count"), name, "object fields");
      break;
    case EAVE_DBG_GLOBALS:
      CHECK(r.start == (uint32_t)num(v, "start") && r.count == (uint32_t)num(v, "count"), name, "globals fields");
      break;
    default: break;
  }
}

static void put_values(eave_debug_writer *w, const char *list) {
  eave_debug_value values[64];
  uint32_t n = 0;
  if (strcmp(list, "-") != 0) {
    char copy[1200];
    snprintf(copy, sizeof copy, "%s", list);
    for (char *s = strtok(copy, ","); s; s = strtok(NULL, ",")) parse_value(s, &values[n++]);
  }
  eave_debug_put_varint(w, n);
  for (uint32_t i = 0; i < n; i++) eave_debug_put_value(w, &values[i]);
}

static void check_sent(const vector *v, int type, const uint8_t *bytes, size_t length) {
  uint8_t out[EAVE_DEBUG_MAX_MESSAGE];
  eave_debug_writer w;
  eave_debug_writer_init(&w, out, sizeof out);
  uint32_t request = (uint32_t)num(v, "request");
  uint8_t scratch[600];
  char list[1200];
  switch (type) {
    case EAVE_DBG_ERROR: {
      size_t n = unhex(get(v, "message"), scratch, sizeof scratch);
      eave_debug_put_error(&w, request, (uint32_t)num(v, "code"), (const char *)scratch, n);
      break;
    }
    case EAVE_DBG_ATTACHED:
      eave_debug_put_head(&w, (uint8_t)type, request);
      eave_debug_put_varint(&w, (uint32_t)num(v, "container-id"));
      {
        size_t n = unhex(get(v, "image-id"), scratch, sizeof scratch);
        eave_debug_put_varint(&w, (uint32_t)n);
        eave_debug_put_bytes(&w, scratch, n);
      }
      eave_debug_put_u8(&w, (uint8_t)num(v, "state"));
      break;
    case EAVE_DBG_BREAKPOINT_SET:
      eave_debug_put_head(&w, (uint8_t)type, request);
      eave_debug_put_varint(&w, (uint32_t)num(v, "breakpoint"));
      break;
    case EAVE_DBG_TASK_LIST:
    case EAVE_DBG_FRAMES: {
      eave_debug_put_head(&w, (uint8_t)type, request);
      if (type == EAVE_DBG_FRAMES) eave_debug_put_varint(&w, (uint32_t)num(v, "total"));
      snprintf(list, sizeof list, "%s", get(v, type == EAVE_DBG_FRAMES ? "frames" : "tasks"));
      uint32_t pairs[128][2], n = 0;
      if (strcmp(list, "-") != 0)
        for (char *s = strtok(list, ","); s; s = strtok(NULL, ",")) {
          unsigned long x, y;
          sscanf(s, "%lu:%lu", &x, &y);
          pairs[n][0] = (uint32_t)x;
          pairs[n++][1] = (uint32_t)y;
        }
      eave_debug_put_varint(&w, n);
      for (uint32_t i = 0; i < n; i++) {
        eave_debug_put_varint(&w, pairs[i][0]);
        if (type == EAVE_DBG_FRAMES) eave_debug_put_varint(&w, pairs[i][1]);
        else eave_debug_put_u8(&w, (uint8_t)pairs[i][1]);
      }
      break;
    }
    case EAVE_DBG_VALUES:
      eave_debug_put_head(&w, (uint8_t)type, request);
      put_values(&w, get(v, "values"));
      break;
    case EAVE_DBG_STOPPED: {
      eave_debug_value e;
      parse_value(get(v, "exception"), &e);
      eave_debug_put_head(&w, (uint8_t)type, 0);
      eave_debug_put_varint(&w, (uint32_t)num(v, "task"));
      eave_debug_put_u8(&w, (uint8_t)num(v, "reason"));
      eave_debug_put_varint(&w, (uint32_t)num(v, "breakpoint"));
      eave_debug_put_value(&w, &e);
      eave_debug_put_u8(&w, (uint8_t)num(v, "uncaught"));
      break;
    }
    case EAVE_DBG_EXITED: {
      eave_debug_put_head(&w, (uint8_t)type, 0);
      eave_debug_put_svarint(&w, num(v, "code"));
      size_t n = unhex(get(v, "reason"), scratch, sizeof scratch);
      eave_debug_put_varint(&w, (uint32_t)n);
      eave_debug_put_bytes(&w, scratch, n);
      break;
    }
    default:  /* ok, continued */
      eave_debug_put_head(&w, (uint8_t)type, request);
      break;
  }
  CHECK(!w.overflow && w.length == length && memcmp(out, bytes, length) == 0, v->name, "encodes to its bytes");
  /* What the agent sends never decodes as a request. */
  eave_debug_request r;
  CHECK(!eave_debug_decode(bytes, length, &r), v->name, "a response or event is refused as a request");
}

/* A live agent over an empty VM: the port records what it sends. */
static uint8_t sent[EAVE_DEBUG_MAX_MESSAGE];
static size_t sent_length;
static bool record(void *context, const uint8_t *bytes, size_t length) {
  (void)context;
  memcpy(sent, bytes, length);
  sent_length = length;
  return true;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: test_debug_vectors debug-vectors.txt\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    perror(argv[1]);
    return 2;
  }
  harness h;
  harness_init(&h);
  eave_vm *vm = eave_vm_new(&h.port);
  eave_debug_agent_port port = {NULL, record, NULL};
  eave_debug_agent *agent = eave_debug_agent_new(vm, &port);
  static char line[8192];
  int messages = 0, malformed = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    vector v = {0};
    char *s = strtok(line, " \n");
    snprintf(v.kind, sizeof v.kind, "%s", s);
    s = strtok(NULL, " \n");
    snprintf(v.name, sizeof v.name, "%s", s ? s : "?");
    while ((s = strtok(NULL, " \n")) && v.count < 16) {
      char *eq = strchr(s, '=');
      if (!eq) continue;
      *eq = 0;
      snprintf(v.fields[v.count].key, sizeof v.fields[v.count].key, "%s", s);
      snprintf(v.fields[v.count].value, sizeof v.fields[v.count].value, "%s", eq + 1);
      v.count++;
    }
    uint8_t bytes[1024];
    size_t length = unhex(get(&v, "bytes"), bytes, sizeof bytes);
    checked++;
    if (strcmp(v.kind, "message") == 0) {
      messages++;
      int type = type_of(get(&v, "type"));
      CHECK(type > 0, v.name, "known type");
      if (type >= EAVE_DBG_ATTACH && type <= EAVE_DBG_GLOBALS) check_request(&v, type, bytes, length);
      else if (type > 0) check_sent(&v, type, bytes, length);
    } else if (strcmp(v.kind, "malformed") == 0) {
      malformed++;
      eave_debug_request r;
      CHECK(!eave_debug_decode(bytes, length, &r), v.name, "refused");
      CHECK(r.request == (uint32_t)num(&v, "request"), v.name, "request id of the refusal");
      sent_length = 0;
      eave_debug_agent_handle(agent, bytes, length);
      eave_debug_request answer_of;
      (void)answer_of;
      /* ERROR, the request id, code BAD_REQUEST */
      uint8_t want[16];
      eave_debug_writer w;
      eave_debug_writer_init(&w, want, sizeof want);
      eave_debug_put_head(&w, EAVE_DBG_ERROR, (uint32_t)num(&v, "request"));
      eave_debug_put_varint(&w, (uint32_t)num(&v, "error"));
      CHECK(sent_length > w.length && memcmp(sent, want, w.length) == 0, v.name, "the agent answers ERROR BAD_REQUEST");
      /* ... and stays usable: TASKS before attaching is NOT_ATTACHED. */
      const uint8_t tasks[] = {EAVE_DBG_TASKS, 77};
      eave_debug_agent_handle(agent, tasks, sizeof tasks);
      CHECK(sent_length > 3 && sent[0] == EAVE_DBG_ERROR && sent[1] == 77 && sent[2] == EAVE_DBG_NOT_ATTACHED, v.name,
            "the agent stays usable");
    }
  }
  fclose(f);
  eave_debug_agent_free(agent);
  eave_vm_free(vm);
  CHECK(h.allocated == 0, "agent", "memory returned");
  harness_done(&h);
  CHECK(messages > 50 && malformed > 15, "file", "the vectors were read");
  printf("debug vectors: %d messages, %d malformed, %d failures\n", messages, malformed, failures);
  return failures ? 1 : 0;
}
