# The counterpart of eval-okay-laziness-list: printing strictly forces every element.
{ a = [ 1 (throw "forced by strict printing") ]; }
