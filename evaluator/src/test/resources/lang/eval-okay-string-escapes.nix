# Escapes in double-quoted strings; an unknown escape is the character itself.
[ "tab\there" "new\nline" "quote\"s" "back\\slash" "dollar \${not interpolated}" "lone $ sign" "cr\r" "\q" ]
