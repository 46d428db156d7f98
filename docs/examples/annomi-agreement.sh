#!/usr/bin/env bash
# Intercoder agreement on AnnoMI (Wu et al. 2022, 2023): 133 counselling transcripts coded utterance by
# utterance, seven of them by ten annotators each. Imports the table into a fresh project and prints the
# agreement of the ten annotators on those seven transcripts as JSON, for the two variables AnnoMI's
# authors report: the therapist's main behaviour and the client's talk type (published Fleiss' kappa
# 0.74 and 0.47). "n/a" cells (the therapist columns on client turns and the reverse) are not covered,
# so they are missing values, not absences.
#
# Usage: docs/examples/annomi-agreement.sh path/to/AnnoMI-full.csv [more agreement options, e.g. --bootstrap 0]
set -euo pipefail

csv="${1:?usage: $0 path/to/AnnoMI-full.csv [agreement options]}"
shift
[ -r "$csv" ] || { echo "$0: cannot read $csv" >&2; exit 2; }
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
project="$work/annomi.lacrima"
# the launcher builds Lacrima on first use; LACRIMA_JAR runs a jar already built instead (the tests do)
lacrima() {
  if [ -n "${LACRIMA_JAR:-}" ]; then "${JAVA:-java}" -jar "$LACRIMA_JAR" "$@"; else "$root/lacrima" "$@"; fi
}

lacrima init "$project" --empty --as annomi-example >&2
lacrima import-table "$project" "$csv" --doc transcript_id --order utterance_id --speaker interlocutor \
  --text utterance_text --coder annotator_id --time timestamp \
  --code main_therapist_behaviour --code client_talk_type --doc-var topic --doc-var mi_quality --as annomi-example >&2

# the seven transcripts every one of the ten annotators coded
lacrima agreement "$project" --coders 0,1,2,3,4,5,6,7,8,9 --documents 7,27,55,56,66,109,130 \
  --categories main_therapist_behaviour,client_talk_type --format json "$@"
