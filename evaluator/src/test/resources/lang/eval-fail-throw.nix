let x = true; in
if x then throw "boom: ${toString x}" else 0
