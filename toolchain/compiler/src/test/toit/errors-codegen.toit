// Errors about calls and statements the code generator depends on: the front end reports them
// (so the editor and `eave analyze` show them too); the generator keeps its own check as a net.
main:
  x := 5
  x 3                               // expect error: call-variable
  [1, 2].do:
    if it == 1: continue            // expect error: continue-outside-loop
