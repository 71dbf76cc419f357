// JSON encoding (library module `encoding.json`).
encode value -> ByteArray: return #primitive.json.encode
stringify value -> string: return #primitive.json.stringify
decode bytes/ByteArray: return #primitive.json.decode
parse text/string: return #primitive.json.parse
