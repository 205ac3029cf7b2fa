#!/usr/bin/env bash
# eoslab on a cluster scheduler: an array job computes one part of a tiled command each (--tile i/N), and a final
# job merges the parts into the files a single run writes (byte for byte). See docs/cluster.md.
#
#   sbatch --array=0-15 docs/cluster/eoslab-array.sh            # SLURM: 16 parts (N = the array's size)
#   sbatch --dependency=afterok:JOBID docs/cluster/eoslab-array.sh merge
#
# Settings come from the environment (sbatch --export=ALL,N=64,… or edit the defaults below):
#   N            number of parts; the array must run task ids 0 … N−1 (SLURM, PBS Pro, Torque) or 1 … N (SGE, LSF)
#   EOSLAB       how to run eoslab (default: ./eoslab from the repository root the job is submitted from)
#   EOSLAB_ARGS  the tiled command without --out, --tile and --threads
#   OUT          the output file (sweep, check) or prefix (phase, atlas), on a file system every node sees
#
#SBATCH --job-name=eoslab
#SBATCH --cpus-per-task=2
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=eoslab-%A_%a.log
set -euo pipefail

N=${N:-16}
EOSLAB=${EOSLAB:-./eoslab}
EOSLAB_ARGS=${EOSLAB_ARGS:-atlas --eta 0.2:1.6:1024 --m0 -0.5:0.5:1024 --lambda0 1.01:8:1024 --steps 10000}
OUT=${OUT:-atlas-1024/atlas}
THREADS=${SLURM_CPUS_PER_TASK:-${NCPUS:-${NSLOTS:-1}}}

# The part this task computes, 0 … N−1, from whichever scheduler started it (SGE and LSF count from 1).
task_id() {
    if [ -n "${SLURM_ARRAY_TASK_ID:-}" ]; then echo "$SLURM_ARRAY_TASK_ID"
    elif [ -n "${PBS_ARRAY_INDEX:-}" ]; then echo "$PBS_ARRAY_INDEX"
    elif [ -n "${PBS_ARRAYID:-}" ]; then echo "$PBS_ARRAYID"
    elif [ -n "${SGE_TASK_ID:-}" ] && [ "${SGE_TASK_ID}" != undefined ]; then echo $((SGE_TASK_ID - 1))
    elif [ -n "${LSB_JOBINDEX:-}" ]; then echo $((LSB_JOBINDEX - 1))
    else echo "error: no array task id (SLURM_ARRAY_TASK_ID, PBS_ARRAY_INDEX, PBS_ARRAYID, SGE_TASK_ID, LSB_JOBINDEX)" >&2
        exit 2
    fi
}

mkdir -p "$(dirname "$OUT")"
case "${1:-part}" in
    part)
        # shellcheck disable=SC2086 # EOSLAB and EOSLAB_ARGS are word lists
        $EOSLAB $EOSLAB_ARGS --threads "$THREADS" --out "$OUT" --tile "$(task_id)/$N"
        ;;
    merge)
        parts=()
        for ((i = 0; i < N; i++)); do parts+=("$OUT.tile-$i-of-$N.part"); done
        # merge checks every part (checksum, specification, each tile once) before it writes anything
        $EOSLAB merge "${parts[@]}" --out "$OUT"
        ;;
    *)
        echo "usage: $0 [part|merge]" >&2
        exit 2
        ;;
esac
