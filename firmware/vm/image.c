/* The image loader and verifier (docs/program-image.md "Verification", docs/bytecode.md
 * "Verification of code"). Every read of the image here is bounds-checked; once an image passes,
 * the interpreter trusts what was proved and decodes records with the unchecked helpers at the
 * end of this file. */
#include "utf8.h"
#include "internal.h"
#include "crc32.h"

/* --- Opcode tables from the one list. --- */
enum { FMT_NONE = 0, FMT_S8 = 1, FMT_U8 = 1, FMT_U16 = 2, FMT_I16 = 2, FMT_U8U8 = 2, FMT_U16U8 = 3, FMT_U8U8U16 = 4 };
const uint8_t eave_operand_bytes[] = {
#define OP_SIZE(name, fmt, pops, pushes) FMT_##fmt,
  EAVE_OPCODES(OP_SIZE)
#undef OP_SIZE
};
static const int8_t op_pops[] = {
#define OP_POPS(name, fmt, pops, pushes) pops,
  EAVE_OPCODES(OP_POPS)
#undef OP_POPS
};
static const int8_t op_pushes[] = {
#define OP_PUSHES(name, fmt, pops, pushes) pushes,
  EAVE_OPCODES(OP_PUSHES)
#undef OP_PUSHES
};
static const char *const op_names[] = {
#define OP_NAME(name, fmt, pops, pushes) #name,
  EAVE_OPCODES(OP_NAME)
#undef OP_NAME
};
_Static_assert(sizeof(op_names) / sizeof(op_names[0]) == EAVE_OP_COUNT, "one name per opcode");

const char *eave_opcode_name(unsigned opcode) {
  return opcode < EAVE_OP_COUNT ? op_names[opcode] : "?";
}

const int8_t eave_primitive_arity[256] = {
#define PRIM_ARITY(name, number, arity) [number] = (arity) + 1,
  EAVE_PRIMITIVES(PRIM_ARITY)
#undef PRIM_ARITY
};  /* arity + 1; 0: no such primitive */

const char *eave_error_name(eave_error e) {
  static const char *const names[] = {
    "OK", "TRUNCATED", "MAGIC", "VERSION", "FLAGS", "SIZE", "CRC", "LIMIT", "OFFSET", "RECORD",
    "CONSTANT", "CLASS", "METHOD", "CODE", "ENTRY", "NO_MEMORY", "TOO_MANY", "NAME",
  };
  return (unsigned)e < sizeof names / sizeof names[0] ? names[e] : "?";
}

const char *eave_record_name(eave_record_kind kind) {
  static const char *const names[] = { "header", "constant", "class", "method", "global" };
  return (unsigned)kind < 5 ? names[kind] : "?";
}

/* --- Checked reading. --- */
typedef struct {
  const uint8_t *bytes;
  uint32_t pos, end;
  bool ok;
} reader;

static uint32_t read_varint(reader *r) {
  uint32_t v = 0;
  for (int i = 0; i < 5; i++) {
    if (r->pos >= r->end) { r->ok = false; return 0; }
    uint8_t b = r->bytes[r->pos++];
    if (i == 4 && b > 0x0F) { r->ok = false; return 0; }  /* beyond 32 bits or a 6th byte */
    v |= (uint32_t)(b & 0x7F) << (7 * i);
    if (b < 0x80) return v;
  }
  r->ok = false;
  return 0;
}

static int64_t read_svarint(reader *r) {
  uint64_t v = 0;
  for (int i = 0; i < 10; i++) {
    if (r->pos >= r->end) { r->ok = false; return 0; }
    uint8_t b = r->bytes[r->pos++];
    if (i == 9 && b > 0x01) { r->ok = false; return 0; }
    v |= (uint64_t)(b & 0x7F) << (7 * i);
    if (b < 0x80) return (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
  }
  r->ok = false;
  return 0;
}

static bool skip(reader *r, uint32_t n) {
  if (!r->ok || n > r->end - r->pos) { r->ok = false; return false; }
  r->pos += n;
  return true;
}

/* --- The verifier's state. --- */
typedef struct {
  const eave_port *port;
  eave_image *img;
  eave_load_result *result;
  uint16_t *min_fields;   /* per method: least field count of the classes dispatching to it */
  int16_t *depth;         /* per code byte: -1 unvisited, else the stack depth on entry */
  uint8_t *mark;          /* per code byte: 0 unknown, 1 instruction start, 2 operand byte */
  uint16_t *work;         /* worklist of pcs */
  uint32_t scratch_length;
} verifier;

static eave_error fail(verifier *v, eave_error e, eave_record_kind kind, uint32_t index, uint32_t offset,
                       const char *message) {
  if (v->result) {
    v->result->error = e;
    v->result->record = kind;
    v->result->index = index;
    v->result->offset = offset;
    v->result->message = message;
  }
  return e;
}

static reader record_reader(const eave_image *img, uint32_t table, uint32_t index) {
  reader r = { img->bytes, eave_image_entry(img, table, index), img->size, true };
  return r;
}

/* Decodes a method record with checks; fills `m` (pointers into the image). */
static bool decode_method_checked(const eave_image *img, uint32_t index, eave_method_info *m, uint32_t *code_offset) {
  reader r = record_reader(img, img->method_table, index);
  m->flags = read_varint(&r);
  m->arity = read_varint(&r);
  m->locals = read_varint(&r);
  m->max_stack = read_varint(&r);
  m->handler_count = read_varint(&r);
  if (!r.ok) return false;
  m->handlers = img->bytes + r.pos;
  for (uint32_t h = 0; h < m->handler_count && r.ok; h++)
    for (int k = 0; k < 5; k++) read_varint(&r);
  m->code_length = read_varint(&r);
  if (!r.ok) return false;
  m->code = img->bytes + r.pos;
  *code_offset = r.pos;
  return skip(&r, m->code_length);
}

static eave_error verify_header(verifier *v, const uint8_t *bytes, size_t length) {
  eave_image *img = v->img;
  if (length < EAVE_HEADER_SIZE) return fail(v, EAVE_ERR_TRUNCATED, EAVE_REC_HEADER, 0, 0, "shorter than the header");
  if (memcmp(bytes, "EAVE", 4) != 0) return fail(v, EAVE_ERR_MAGIC, EAVE_REC_HEADER, 0, 0, "magic is not EAVE");
  if ((bytes[4] | bytes[5] << 8) != 1) return fail(v, EAVE_ERR_VERSION, EAVE_REC_HEADER, 0, 4, "format version is not 1");
  if ((bytes[6] | bytes[7] << 8) != 0) return fail(v, EAVE_ERR_FLAGS, EAVE_REC_HEADER, 0, 6, "flags are not 0");
  uint32_t size = eave_u32(bytes + 8);
  if (size < EAVE_HEADER_SIZE) return fail(v, EAVE_ERR_SIZE, EAVE_REC_HEADER, 0, 8, "size smaller than the header");
  if (size > length) return fail(v, EAVE_ERR_TRUNCATED, EAVE_REC_HEADER, 0, 8, "size larger than the bytes received");
  if (size > EAVE_MAX_IMAGE_SIZE) return fail(v, EAVE_ERR_LIMIT, EAVE_REC_HEADER, 0, 8, "image larger than EAVE_MAX_IMAGE_SIZE");
  if (eave_crc32(bytes + 32, size - 32) != eave_u32(bytes + 12))
    return fail(v, EAVE_ERR_CRC, EAVE_REC_HEADER, 0, 12, "CRC-32 mismatch");
  img->bytes = bytes;
  img->size = size;
  img->constants = eave_u32(bytes + 32);
  img->classes = eave_u32(bytes + 36);
  img->methods = eave_u32(bytes + 40);
  img->globals = eave_u32(bytes + 44);
  img->selectors = eave_u32(bytes + 48);
  img->entry = eave_u32(bytes + 52);
  for (uint32_t i = 0; i < EAVE_WELL_KNOWN; i++) img->well_known[i] = eave_u32(bytes + 56 + 4 * i);
  if (img->constants > EAVE_MAX_CONSTANTS) return fail(v, EAVE_ERR_LIMIT, EAVE_REC_HEADER, 0, 32, "too many constants");
  if (img->classes > EAVE_MAX_CLASSES) return fail(v, EAVE_ERR_LIMIT, EAVE_REC_HEADER, 0, 36, "too many classes");
  if (img->methods > EAVE_MAX_METHODS) return fail(v, EAVE_ERR_LIMIT, EAVE_REC_HEADER, 0, 40, "too many methods");
  if (img->globals > EAVE_MAX_GLOBALS) return fail(v, EAVE_ERR_LIMIT, EAVE_REC_HEADER, 0, 44, "too many globals");
  if (img->selectors > EAVE_MAX_SELECTORS) return fail(v, EAVE_ERR_LIMIT, EAVE_REC_HEADER, 0, 48, "too many selectors");
  uint64_t tables_end = EAVE_HEADER_SIZE + 4ull * ((uint64_t)img->constants + img->classes + img->methods + img->globals);
  if (tables_end > size) return fail(v, EAVE_ERR_OFFSET, EAVE_REC_HEADER, 0, 32, "offset tables run past the end");
  img->constant_table = EAVE_HEADER_SIZE;
  img->class_table = img->constant_table + 4 * img->constants;
  img->method_table = img->class_table + 4 * img->classes;
  img->global_table = img->method_table + 4 * img->methods;
  struct { uint32_t table, count; eave_record_kind kind; } tables[3] = {
    { img->constant_table, img->constants, EAVE_REC_CONSTANT },
    { img->class_table, img->classes, EAVE_REC_CLASS },
    { img->method_table, img->methods, EAVE_REC_METHOD },
  };
  for (int t = 0; t < 3; t++) {
    for (uint32_t i = 0; i < tables[t].count; i++) {
      uint32_t off = eave_image_entry(img, tables[t].table, i);
      if (off < tables_end || off >= size || (off & 3) != 0)
        return fail(v, EAVE_ERR_OFFSET, tables[t].kind, i, tables[t].table + 4 * i,
                    "record offset outside the records or not 4-byte aligned");
    }
  }
  return EAVE_OK;
}

static eave_error verify_constants(verifier *v) {
  eave_image *img = v->img;
  for (uint32_t i = 0; i < img->constants; i++) {
    reader r = record_reader(img, img->constant_table, i);
    uint32_t at = r.pos;
    uint8_t tag = img->bytes[r.pos++];
    switch (tag) {
      case 1: read_svarint(&r); break;
      case 2: skip(&r, 8); break;
      case 3:
      case 4: {
        uint32_t n = read_varint(&r);
        uint32_t start = r.pos;
        if (!skip(&r, n)) break;
        if (tag == 3 && !eave_utf8_valid(img->bytes + start, n))
          return fail(v, EAVE_ERR_CONSTANT, EAVE_REC_CONSTANT, i, at, "string is not valid UTF-8");
        break;
      }
      default:
        return fail(v, EAVE_ERR_CONSTANT, EAVE_REC_CONSTANT, i, at, "unknown constant tag");
    }
    if (!r.ok) return fail(v, EAVE_ERR_RECORD, EAVE_REC_CONSTANT, i, at, "constant runs past the end");
  }
  return EAVE_OK;
}

static bool constant_is_string(const eave_image *img, uint32_t index) {
  return img->bytes[eave_image_entry(img, img->constant_table, index)] == 3;
}

static eave_error verify_method_records(verifier *v, uint32_t *max_code) {
  eave_image *img = v->img;
  *max_code = 0;
  for (uint32_t i = 0; i < img->methods; i++) {
    eave_method_info m;
    uint32_t code_offset;
    uint32_t at = eave_image_entry(img, img->method_table, i);
    if (!decode_method_checked(img, i, &m, &code_offset))
      return fail(v, EAVE_ERR_RECORD, EAVE_REC_METHOD, i, at, "method runs past the end");
    if (m.flags > 15) return fail(v, EAVE_ERR_METHOD, EAVE_REC_METHOD, i, at, "unknown method flags");
    if ((m.flags & (EAVE_METHOD_INSTANCE | EAVE_METHOD_BLOCK | EAVE_METHOD_LAMBDA)) && m.arity < 1)
      return fail(v, EAVE_ERR_METHOD, EAVE_REC_METHOD, i, at, "instance, block or lambda method with arity 0");
    if ((uint64_t)m.arity + m.locals + m.max_stack > EAVE_MAX_FRAME_SLOTS)
      return fail(v, EAVE_ERR_LIMIT, EAVE_REC_METHOD, i, at, "arity + locals + max stack beyond EAVE_MAX_FRAME_SLOTS");
    if (m.code_length > EAVE_MAX_CODE_LENGTH)
      return fail(v, EAVE_ERR_LIMIT, EAVE_REC_METHOD, i, at, "code longer than EAVE_MAX_CODE_LENGTH");
    reader h = { img->bytes, (uint32_t)(m.handlers - img->bytes), img->size, true };
    for (uint32_t k = 0; k < m.handler_count; k++) {
      uint32_t kind = read_varint(&h), start = read_varint(&h), end = read_varint(&h);
      uint32_t target = read_varint(&h), depth = read_varint(&h);
      if (kind > 1) return fail(v, EAVE_ERR_METHOD, EAVE_REC_METHOD, i, at, "unknown handler kind");
      if (start > end || end > m.code_length || target >= m.code_length)
        return fail(v, EAVE_ERR_METHOD, EAVE_REC_METHOD, i, at, "handler range or target outside the code");
      if ((uint64_t)depth + 1 > m.max_stack)
        return fail(v, EAVE_ERR_METHOD, EAVE_REC_METHOD, i, at, "handler depth + 1 above max stack");
    }
    if (m.code_length > *max_code) *max_code = m.code_length;
  }
  return EAVE_OK;
}

static eave_error verify_classes(verifier *v) {
  eave_image *img = v->img;
  for (uint32_t i = 0; i < img->classes; i++) {
    reader r = record_reader(img, img->class_table, i);
    uint32_t at = r.pos;
    uint32_t super = read_varint(&r), flags = read_varint(&r), name = read_varint(&r);
    uint32_t fields = read_varint(&r), supertypes = read_varint(&r);
    if (!r.ok) return fail(v, EAVE_ERR_RECORD, EAVE_REC_CLASS, i, at, "class runs past the end");
    if (super > img->classes) return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "superclass index out of range");
    if (flags > 15) return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "unknown class flags");
    if (fields > EAVE_MAX_FIELDS) return fail(v, EAVE_ERR_LIMIT, EAVE_REC_CLASS, i, at, "more fields than EAVE_MAX_FIELDS");
    if (name > img->constants || (name != 0 && !constant_is_string(img, name - 1)))
      return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "class name is not a string constant");
    for (uint32_t k = 0; k < supertypes; k++) {
      uint32_t s = read_varint(&r);
      if (!r.ok) return fail(v, EAVE_ERR_RECORD, EAVE_REC_CLASS, i, at, "class runs past the end");
      if (s >= img->classes) return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "supertype index out of range");
    }
    uint32_t entries = read_varint(&r);
    uint64_t last = 0;
    for (uint32_t k = 0; k < entries; k++) {
      uint32_t sel = read_varint(&r), method = read_varint(&r);
      if (!r.ok) return fail(v, EAVE_ERR_RECORD, EAVE_REC_CLASS, i, at, "class runs past the end");
      if (sel >= img->selectors) return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "dispatch selector out of range");
      if (k > 0 && sel <= last) return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "dispatch selectors not strictly ascending");
      last = sel;
      if (method >= img->methods) return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "dispatch method index out of range");
      eave_method_info m;
      uint32_t code_offset;
      decode_method_checked(img, method, &m, &code_offset);
      if (!(m.flags & EAVE_METHOD_INSTANCE))
        return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "dispatch entry names a static method");
      uint32_t f = fields > 0xFFFE ? 0xFFFE : fields;
      if (f < v->min_fields[method]) v->min_fields[method] = (uint16_t)f;
    }
    if (!r.ok) return fail(v, EAVE_ERR_RECORD, EAVE_REC_CLASS, i, at, "class runs past the end");
  }
  /* Superclass chains: acyclic, and field counts never shrink down the chain. */
  for (uint32_t i = 0; i < img->classes; i++) {
    uint32_t at = eave_image_entry(img, img->class_table, i);
    uint32_t k = i, steps = 0;
    for (;;) {
      reader r = record_reader(img, img->class_table, k);
      uint32_t super = read_varint(&r);
      read_varint(&r); read_varint(&r);
      uint32_t fields = read_varint(&r);
      if (super == 0) break;
      if (++steps > img->classes) return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "superclass chain is cyclic");
      if (k == i) {
        reader s = record_reader(img, img->class_table, super - 1);
        read_varint(&s); read_varint(&s); read_varint(&s);
        if (read_varint(&s) > fields)
          return fail(v, EAVE_ERR_CLASS, EAVE_REC_CLASS, i, at, "fewer fields than the superclass");
      }
      k = super - 1;
    }
  }
  return EAVE_OK;
}

/* Abstract interpretation of one method's code. With `query_pc` < code length, only computes the
 * depth at that pc into *query_depth (-1: not a reachable instruction) and reports no errors. */
static eave_error verify_code(verifier *v, uint32_t index, uint32_t query_pc, int32_t *query_depth) {
  eave_image *img = v->img;
  eave_method_info m;
  uint32_t code_offset;
  decode_method_checked(img, index, &m, &code_offset);
  if (m.flags & EAVE_METHOD_ABSTRACT) return EAVE_OK;
  const uint8_t *code = m.code;
  uint32_t L = m.code_length;
  uint32_t slots = m.arity + m.locals;
#define CODE_FAIL(pc, msg) return fail(v, EAVE_ERR_CODE, EAVE_REC_METHOD, index, code_offset + (pc), msg)
  if (L == 0) CODE_FAIL(0, "empty code falls off the end");
  for (uint32_t i = 0; i < L; i++) { v->depth[i] = -1; v->mark[i] = 0; }
  uint32_t nwork = 0;
  v->depth[0] = 0;
  v->work[nwork++] = 0;
  reader h = { img->bytes, (uint32_t)(m.handlers - img->bytes), img->size, true };
  for (uint32_t k = 0; k < m.handler_count; k++) {
    read_varint(&h); read_varint(&h); read_varint(&h);
    uint32_t target = read_varint(&h), depth = read_varint(&h);
    if (v->depth[target] == -1) {
      v->depth[target] = (int16_t)(depth + 1);
      v->work[nwork++] = (uint16_t)target;
    } else if ((uint32_t)v->depth[target] != depth + 1) {
      CODE_FAIL(target, "handlers at one target disagree on the stack depth");
    }
  }
  while (nwork > 0) {
    uint32_t pc = v->work[--nwork];
    int32_t d = v->depth[pc];
    for (;;) {
      /* Decode the instruction at pc. */
      if (v->mark[pc] == 2) CODE_FAIL(pc, "jump into the operands of an instruction");
      if (v->mark[pc] == 1) break;  /* already walked from here */
      uint8_t op = code[pc];
      if (op >= EAVE_OP_COUNT) CODE_FAIL(pc, "unknown opcode");
      uint32_t n = eave_operand_bytes[op];
      if (n > L - pc - 1) CODE_FAIL(pc, "operands run past the end of the code");
      v->mark[pc] = 1;
      for (uint32_t k = 1; k <= n; k++) {
        if (v->mark[pc + k] != 0) CODE_FAIL(pc, "instruction overlaps another");
        v->mark[pc + k] = 2;
      }
      const uint8_t *o = code + pc + 1;
      uint32_t a8 = n >= 1 ? o[0] : 0;
      uint32_t a16 = n >= 2 ? (uint32_t)(o[0] | o[1] << 8) : 0;
      int32_t pops = op_pops[op], pushes = op_pushes[op];
      bool ends = false;
      int64_t target = -1;
      switch (op) {
        case EAVE_OP_LOAD_CONST:
          if (a16 >= img->constants) CODE_FAIL(pc, "constant index out of range");
          break;
        case EAVE_OP_LOAD_LOCAL: case EAVE_OP_STORE_LOCAL:
          if (a8 >= slots) CODE_FAIL(pc, "local slot out of range");
          break;
        case EAVE_OP_LOAD_OUTER: case EAVE_OP_STORE_OUTER: case EAVE_OP_LOAD_CAPTURED:
          if (slots < 1) CODE_FAIL(pc, "slot 0 (the block or lambda) does not exist");
          if (op != EAVE_OP_LOAD_CAPTURED && a8 < 1) CODE_FAIL(pc, "outer level 0");
          break;
        case EAVE_OP_LOAD_THIS_FIELD: case EAVE_OP_STORE_THIS_FIELD:
          if (slots < 1) CODE_FAIL(pc, "slot 0 (the receiver) does not exist");
          if (v->min_fields[index] != 0xFFFF && a8 >= v->min_fields[index]) CODE_FAIL(pc, "field index beyond the holder's fields");
          break;
        case EAVE_OP_LOAD_GLOBAL: case EAVE_OP_STORE_GLOBAL:
          if (a16 >= img->globals) CODE_FAIL(pc, "global index out of range");
          break;
        case EAVE_OP_ALLOCATE: case EAVE_OP_IS: case EAVE_OP_AS:
          if (a16 >= img->classes) CODE_FAIL(pc, "class index out of range");
          break;
        case EAVE_OP_CALL_STATIC: {
          if (a16 >= img->methods) CODE_FAIL(pc, "method index out of range");
          eave_method_info t;
          uint32_t unused;
          decode_method_checked(img, a16, &t, &unused);
          pops = (int32_t)t.arity;
          break;
        }
        case EAVE_OP_CALL_VIRTUAL:
          if (a16 >= img->selectors) CODE_FAIL(pc, "selector out of range");
          if (o[2] < 1) CODE_FAIL(pc, "virtual call without a receiver");
          pops = o[2];
          break;
        case EAVE_OP_CALL_BLOCK:
          if (a8 < 1) CODE_FAIL(pc, "block call without the block");
          pops = (int32_t)a8;
          break;
        case EAVE_OP_CALL_PRIMITIVE:
          if (a16 > 255 || eave_primitive_arity[a16] == 0) CODE_FAIL(pc, "unknown primitive");
          if (o[2] != eave_primitive_arity[a16] - 1) CODE_FAIL(pc, "primitive called with the wrong argument count");
          pops = o[2];
          break;
        case EAVE_OP_CREATE_BLOCK:
          if (a16 >= img->methods) CODE_FAIL(pc, "method index out of range");
          break;
        case EAVE_OP_CREATE_LAMBDA:
          if (a16 >= img->methods) CODE_FAIL(pc, "method index out of range");
          pops = o[2];
          break;
        case EAVE_OP_NON_LOCAL_BRANCH:
          if (a8 < 1) CODE_FAIL(pc, "non-local branch of 0 levels");
          ends = true;
          break;
        case EAVE_OP_RETURN: case EAVE_OP_NON_LOCAL_RETURN: case EAVE_OP_THROW: case EAVE_OP_RETHROW:
          ends = true;
          break;
        case EAVE_OP_JUMP: case EAVE_OP_JUMP_IF_TRUE: case EAVE_OP_JUMP_IF_FALSE:
          target = (int64_t)pc + 3 + (int16_t)a16;
          if (target < 0 || target >= (int64_t)L) CODE_FAIL(pc, "jump target outside the code");
          break;
        default:
          if (op >= EAVE_OP_ADD && op <= EAVE_OP_BIT_NOT && a16 >= img->selectors)
            CODE_FAIL(pc, "operator selector out of range");
          break;
      }
      if (pops > d) CODE_FAIL(pc, "stack underflow");
      d = d - pops + pushes;
      if (d > (int32_t)m.max_stack) CODE_FAIL(pc, "stack deeper than max stack");
      if (target >= 0) {
        int16_t *td = &v->depth[target];
        if (*td == -1) {
          *td = (int16_t)d;
          v->work[nwork++] = (uint16_t)target;
        } else if (*td != d) {
          CODE_FAIL(pc, "stack depth differs between paths into the jump target");
        }
        if (op == EAVE_OP_JUMP) break;
      }
      if (ends) break;
      uint32_t next = pc + 1 + n;
      if (next >= L) CODE_FAIL(pc, "code falls off the end");
      if (v->depth[next] == -1) {
        v->depth[next] = (int16_t)d;
      } else if (v->depth[next] != d) {
        CODE_FAIL(next, "stack depth differs between paths into this instruction");
      }
      pc = next;
    }
  }
  if (query_pc < L) *query_depth = v->mark[query_pc] == 1 ? v->depth[query_pc] : -1;
#undef CODE_FAIL
  return EAVE_OK;
}

static bool static_arity0(const eave_image *img, uint32_t method) {
  eave_method_info m;
  uint32_t unused;
  decode_method_checked(img, method, &m, &unused);
  return (m.flags & (EAVE_METHOD_INSTANCE | EAVE_METHOD_BLOCK | EAVE_METHOD_LAMBDA | EAVE_METHOD_ABSTRACT)) == 0 &&
         m.arity == 0;
}

static eave_error verify_entry(verifier *v) {
  eave_image *img = v->img;
  if (img->entry >= img->methods || !static_arity0(img, img->entry))
    return fail(v, EAVE_ERR_ENTRY, EAVE_REC_HEADER, 0, 52, "entry is not a static method of arity 0");
  for (uint32_t g = 0; g < img->globals; g++) {
    uint32_t init = eave_image_entry(img, img->global_table, g);
    if (init != EAVE_NONE && (init >= img->methods || !static_arity0(img, init)))
      return fail(v, EAVE_ERR_ENTRY, EAVE_REC_GLOBAL, g, img->global_table + 4 * g,
                  "global initialiser is not a static method of arity 0");
  }
  static const uint8_t required[] = { EAVE_WK_OBJECT, EAVE_WK_NULL, EAVE_WK_TRUE, EAVE_WK_FALSE,
                                      EAVE_WK_INT, EAVE_WK_STRING, EAVE_WK_EXCEPTION };
  for (uint32_t i = 0; i < EAVE_WELL_KNOWN; i++) {
    uint32_t k = img->well_known[i];
    if (k != EAVE_NONE && k >= img->classes)
      return fail(v, EAVE_ERR_ENTRY, EAVE_REC_HEADER, 0, 56 + 4 * i, "well-known class index out of range");
  }
  for (size_t i = 0; i < sizeof required; i++) {
    if (img->well_known[required[i]] == EAVE_NONE)
      return fail(v, EAVE_ERR_ENTRY, EAVE_REC_HEADER, 0, 56 + 4 * required[i], "a required well-known class is missing");
  }
  return EAVE_OK;
}

static bool scratch_alloc(verifier *v, uint32_t max_code) {
  uint32_t n = max_code ? max_code : 1;
  v->scratch_length = n;
  v->depth = eave_port_alloc(v->port, n * sizeof(int16_t));
  v->mark = eave_port_alloc(v->port, n);
  v->work = eave_port_alloc(v->port, n * sizeof(uint16_t));
  return v->depth && v->mark && v->work;
}

static void scratch_free(verifier *v) {
  uint32_t n = v->scratch_length;
  eave_port_free(v->port, v->depth, n * sizeof(int16_t));
  eave_port_free(v->port, v->mark, n);
  eave_port_free(v->port, v->work, n * sizeof(uint16_t));
  if (v->min_fields) eave_port_free(v->port, v->min_fields, (v->img->methods + 1) * sizeof(uint16_t));
}

eave_error eave_image_load(const eave_port *port, const uint8_t *bytes, size_t length, eave_image *img,
                           eave_load_result *result) {
  verifier v;
  memset(&v, 0, sizeof v);
  v.port = port;
  v.img = img;
  v.result = result;
  if (result) { memset(result, 0, sizeof *result); result->message = "ok"; }
  memset(img, 0, sizeof *img);
  if (bytes == NULL) length = 0;
  eave_error e = verify_header(&v, bytes, length);
  if (e) return e;
  if ((e = verify_constants(&v))) return e;
  uint32_t max_code;
  if ((e = verify_method_records(&v, &max_code))) return e;
  v.min_fields = eave_port_alloc(port, (img->methods + 1) * sizeof(uint16_t));
  if (!scratch_alloc(&v, max_code) || !v.min_fields) {
    scratch_free(&v);
    return fail(&v, EAVE_ERR_NO_MEMORY, EAVE_REC_HEADER, 0, 0, "no memory to verify");
  }
  for (uint32_t i = 0; i < img->methods; i++) v.min_fields[i] = 0xFFFF;
  e = verify_classes(&v);
  for (uint32_t i = 0; !e && i < img->methods; i++) e = verify_code(&v, i, EAVE_NONE, NULL);
  if (!e) e = verify_entry(&v);
  scratch_free(&v);
  return e;
}

eave_error eave_image_check(const eave_port *port, const uint8_t *bytes, size_t length, eave_load_result *result) {
  eave_image img;
  return eave_image_load(port, bytes, length, &img, result);
}

int32_t eave_image_depth_at(const eave_port *port, const eave_image *img, uint32_t method, uint32_t pc) {
  eave_method_info m;
  eave_method_decode(img, method, &m);
  if (pc >= m.code_length || (m.flags & EAVE_METHOD_ABSTRACT)) return -1;
  verifier v;
  memset(&v, 0, sizeof v);
  v.port = port;
  v.img = (eave_image *)img;
  int32_t depth = -1;
  /* The field check was passed at load time; no holder is known here, so it is skipped. */
  v.min_fields = eave_port_alloc(port, (img->methods + 1) * sizeof(uint16_t));
  if (scratch_alloc(&v, m.code_length) && v.min_fields) {
    for (uint32_t i = 0; i <= img->methods; i++) v.min_fields[i] = 0xFFFF;
    if (verify_code(&v, method, pc, &depth) != EAVE_OK) depth = -1;
  }
  scratch_free(&v);
  return depth;
}

/* --- Trusted decoding for the interpreter. --- */
void eave_method_decode(const eave_image *img, uint32_t method, eave_method_info *m) {
  const uint8_t *p = img->bytes + eave_image_entry(img, img->method_table, method);
  m->flags = eave_varint(&p);
  m->arity = eave_varint(&p);
  m->locals = eave_varint(&p);
  m->max_stack = eave_varint(&p);
  m->handler_count = eave_varint(&p);
  m->handlers = p;
  for (uint32_t h = 0; h < m->handler_count * 5; h++) eave_varint(&p);
  m->code_length = eave_varint(&p);
  m->code = p;
}

void eave_class_decode(const eave_image *img, uint32_t klass, eave_class_info *k) {
  const uint8_t *p = img->bytes + eave_image_entry(img, img->class_table, klass);
  k->super_plus_one = eave_varint(&p);
  k->flags = eave_varint(&p);
  k->name_plus_one = eave_varint(&p);
  k->fields = eave_varint(&p);
  k->supertype_count = eave_varint(&p);
  k->supertypes = p;
  for (uint32_t i = 0; i < k->supertype_count; i++) eave_varint(&p);
  k->dispatch_count = eave_varint(&p);
  k->dispatch = p;
}
