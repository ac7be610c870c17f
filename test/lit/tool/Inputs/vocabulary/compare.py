"""Lists the viewguard:: annotation strings of a library header that the
analysis' vocabulary tables (ApiModel.cpp) do not know."""
import re
import sys

header, model = open(sys.argv[1]).read(), open(sys.argv[2]).read()
known = set(re.findall(r'\{"([a-z_:]+)", (?:Role|IndexKind)::', model))
known |= set(re.findall(r'(?:Array|CopyAnnotationPrefix)\w* = "([a-z_:]+)"', model))
used = re.findall(r'"viewguard::([a-z_:]+)', header)
count = 0
for name in used:
    if name in known or (name.endswith(":") and name in known):
        count += 1
    else:
        print("UNKNOWN viewguard::" + name)
print("nd annotations known to the analysis: %d" % count)
