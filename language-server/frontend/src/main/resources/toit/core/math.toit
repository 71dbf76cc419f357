// Mathematical constants and functions (library module `math`).
PI ::= 3.141592653589793
E ::= 2.718281828459045

sqrt x/num -> float: return #primitive.math.sqrt
pow x/num y/num -> float: return #primitive.math.pow
sin x/num -> float: return #primitive.math.sin
cos x/num -> float: return #primitive.math.cos
tan x/num -> float: return #primitive.math.tan
atan2 y/num x/num -> float: return #primitive.math.atan2
log x/num -> float: return #primitive.math.log
exp x/num -> float: return #primitive.math.exp
