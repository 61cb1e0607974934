#!/usr/bin/env bash
# Median server time of a page after warm-up: 20 warm-up requests, then N timed ones (curl time_total on loopback).
url="$1"; n="${2:-50}"
for i in $(seq 20); do curl -s -o /dev/null "$url"; done
for i in $(seq "$n"); do curl -s -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms, p90 %.1f ms over %d\n", a[int(NR/2)+1]*1000, a[int(NR*0.9)]*1000, NR}'
