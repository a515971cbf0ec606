;; The bootstrap product of `sensitivity` (see bootstrap-product.ts), in WebAssembly with 128-bit
;; SIMD. `scripts/generate-bootstrap-kernel.ts` compiles this file into bootstrap-kernel-wasm.ts.
;;
;; draw_counts: counts[r][x] += 1 for each of N draws x of `int(N)` per resample r, in the order
;; and with the values of the JavaScript generator's `fillInt` (PCG32 XSH-RR, rejection below
;; (2^32 − N) mod N, then x mod N), from the given PCG32 state and increment. x mod N is taken
;; as x − q·N with q = ⌊x · (1/N)⌋ in f64, corrected by one step where the product rounded across
;; an integer (its error is below 2^-20 for x < 2^32), which is exact and avoids a division.
;; Needs N < 2^30.
;;
;; product: sums[r][c] += Σ_{i < len} counts[r][n0 + i] · block[i][c]   for 0 ≤ r < rows, 0 ≤ c < width
;;
;; counts: u32, row-major rows × N; block: f64, len × width; sums: f64, rows × width.
;; rows must be even and width a multiple of 8: each tile is 2 rows × 8 columns, held in eight
;; f64x2 accumulators. Every sum runs over i in ascending order from 0.0 and is then added once
;; to sums, without fused multiply-add: the same operations, in the same order, as the
;; JavaScript kernel, so both give the same bits.
(module
  (import "env" "memory" (memory 1))
  (func (export "product")
    (param $counts i32) (param $N i32) (param $rows i32)
    (param $block i32) (param $n0 i32) (param $len i32) (param $width i32) (param $sums i32)
    (local $r i32) (local $c i32) (local $i i32) (local $stride i32)
    (local $pw i32) (local $pw1 i32) (local $pt i32) (local $ps i32) (local $ps1 i32)
    (local $w0 v128) (local $w1 v128)
    (local $t0 v128) (local $t1 v128) (local $t2 v128) (local $t3 v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $b0 v128) (local $b1 v128) (local $b2 v128) (local $b3 v128)
    ;; bytes per block row
    (local.set $stride (i32.shl (local.get $width) (i32.const 3)))
    (local.set $r (i32.const 0))
    (block $rows_done
      (loop $each_row_pair
        (br_if $rows_done (i32.ge_u (local.get $r) (local.get $rows)))
        (local.set $c (i32.const 0))
        (block $columns_done
          (loop $each_column_tile
            (br_if $columns_done (i32.ge_u (local.get $c) (local.get $width)))
            (local.set $a0 (v128.const i64x2 0 0))
            (local.set $a1 (v128.const i64x2 0 0))
            (local.set $a2 (v128.const i64x2 0 0))
            (local.set $a3 (v128.const i64x2 0 0))
            (local.set $b0 (v128.const i64x2 0 0))
            (local.set $b1 (v128.const i64x2 0 0))
            (local.set $b2 (v128.const i64x2 0 0))
            (local.set $b3 (v128.const i64x2 0 0))
            ;; &counts[r][n0], &counts[r + 1][n0], &block[0][c]
            (local.set $pw
              (i32.add (local.get $counts)
                (i32.shl
                  (i32.add (i32.mul (local.get $r) (local.get $N)) (local.get $n0))
                  (i32.const 2))))
            (local.set $pw1 (i32.add (local.get $pw) (i32.shl (local.get $N) (i32.const 2))))
            (local.set $pt (i32.add (local.get $block) (i32.shl (local.get $c) (i32.const 3))))
            (local.set $i (local.get $len))
            (block $points_done
              (loop $each_point
                (br_if $points_done (i32.eqz (local.get $i)))
                (local.set $w0 (f64x2.splat (f64.convert_i32_u (i32.load (local.get $pw)))))
                (local.set $w1 (f64x2.splat (f64.convert_i32_u (i32.load (local.get $pw1)))))
                (local.set $t0 (v128.load (local.get $pt)))
                (local.set $t1 (v128.load offset=16 (local.get $pt)))
                (local.set $t2 (v128.load offset=32 (local.get $pt)))
                (local.set $t3 (v128.load offset=48 (local.get $pt)))
                (local.set $a0 (f64x2.add (local.get $a0) (f64x2.mul (local.get $w0) (local.get $t0))))
                (local.set $a1 (f64x2.add (local.get $a1) (f64x2.mul (local.get $w0) (local.get $t1))))
                (local.set $a2 (f64x2.add (local.get $a2) (f64x2.mul (local.get $w0) (local.get $t2))))
                (local.set $a3 (f64x2.add (local.get $a3) (f64x2.mul (local.get $w0) (local.get $t3))))
                (local.set $b0 (f64x2.add (local.get $b0) (f64x2.mul (local.get $w1) (local.get $t0))))
                (local.set $b1 (f64x2.add (local.get $b1) (f64x2.mul (local.get $w1) (local.get $t1))))
                (local.set $b2 (f64x2.add (local.get $b2) (f64x2.mul (local.get $w1) (local.get $t2))))
                (local.set $b3 (f64x2.add (local.get $b3) (f64x2.mul (local.get $w1) (local.get $t3))))
                (local.set $pw (i32.add (local.get $pw) (i32.const 4)))
                (local.set $pw1 (i32.add (local.get $pw1) (i32.const 4)))
                (local.set $pt (i32.add (local.get $pt) (local.get $stride)))
                (local.set $i (i32.sub (local.get $i) (i32.const 1)))
                (br $each_point)))
            ;; &sums[r][c], &sums[r + 1][c]
            (local.set $ps
              (i32.add (local.get $sums)
                (i32.shl
                  (i32.add (i32.mul (local.get $r) (local.get $width)) (local.get $c))
                  (i32.const 3))))
            (local.set $ps1 (i32.add (local.get $ps) (local.get $stride)))
            (v128.store (local.get $ps) (f64x2.add (v128.load (local.get $ps)) (local.get $a0)))
            (v128.store offset=16 (local.get $ps)
              (f64x2.add (v128.load offset=16 (local.get $ps)) (local.get $a1)))
            (v128.store offset=32 (local.get $ps)
              (f64x2.add (v128.load offset=32 (local.get $ps)) (local.get $a2)))
            (v128.store offset=48 (local.get $ps)
              (f64x2.add (v128.load offset=48 (local.get $ps)) (local.get $a3)))
            (v128.store (local.get $ps1) (f64x2.add (v128.load (local.get $ps1)) (local.get $b0)))
            (v128.store offset=16 (local.get $ps1)
              (f64x2.add (v128.load offset=16 (local.get $ps1)) (local.get $b1)))
            (v128.store offset=32 (local.get $ps1)
              (f64x2.add (v128.load offset=32 (local.get $ps1)) (local.get $b2)))
            (v128.store offset=48 (local.get $ps1)
              (f64x2.add (v128.load offset=48 (local.get $ps1)) (local.get $b3)))
            (local.set $c (i32.add (local.get $c) (i32.const 8)))
            (br $each_column_tile)))
        (local.set $r (i32.add (local.get $r) (i32.const 2)))
        (br $each_row_pair))))
  (func (export "draw_counts")
    (param $state i64) (param $increment i64) (param $N i32) (param $resamples i32)
    (param $counts i32)
    (local $old i64) (local $x i32) (local $threshold i32) (local $row i32) (local $t i32)
    (local $r i32) (local $inverse f64) (local $rem i32)
    (local.set $inverse (f64.div (f64.const 1) (f64.convert_i32_u (local.get $N))))
    ;; (2^32 − N) mod N, as u32 arithmetic
    (local.set $threshold (i32.rem_u (i32.sub (i32.const 0) (local.get $N)) (local.get $N)))
    (local.set $row (local.get $counts))
    (local.set $r (local.get $resamples))
    (block $resamples_done
      (loop $each_resample
        (br_if $resamples_done (i32.eqz (local.get $r)))
        (local.set $t (local.get $N))
        (block $draws_done
          (loop $each_draw
            (br_if $draws_done (i32.eqz (local.get $t)))
            (loop $until_accepted
              ;; PCG32: output XSH-RR of the old state, then state = state · mul + increment
              (local.set $old (local.get $state))
              (local.set $state
                (i64.add
                  (i64.mul (local.get $old) (i64.const 6364136223846793005))
                  (local.get $increment)))
              (local.set $x
                (i32.rotr
                  (i32.wrap_i64
                    (i64.shr_u
                      (i64.xor (i64.shr_u (local.get $old) (i64.const 18)) (local.get $old))
                      (i64.const 27)))
                  (i32.wrap_i64 (i64.shr_u (local.get $old) (i64.const 59)))))
              (br_if $until_accepted (i32.lt_u (local.get $x) (local.get $threshold))))
            ;; rem = x − ⌊x/N⌋·N, within one N of x mod N, then corrected
            (local.set $rem
              (i32.sub (local.get $x)
                (i32.mul (local.get $N)
                  (i32.trunc_f64_u
                    (f64.mul (f64.convert_i32_u (local.get $x)) (local.get $inverse))))))
            (if (i32.lt_s (local.get $rem) (i32.const 0))
              (then (local.set $rem (i32.add (local.get $rem) (local.get $N)))))
            (if (i32.ge_s (local.get $rem) (local.get $N))
              (then (local.set $rem (i32.sub (local.get $rem) (local.get $N)))))
            ;; counts[r][x mod N] += 1
            (local.set $x (i32.add (local.get $row) (i32.shl (local.get $rem) (i32.const 2))))
            (i32.store (local.get $x) (i32.add (i32.load (local.get $x)) (i32.const 1)))
            (local.set $t (i32.sub (local.get $t) (i32.const 1)))
            (br $each_draw)))
        (local.set $row (i32.add (local.get $row) (i32.shl (local.get $N) (i32.const 2))))
        (local.set $r (i32.sub (local.get $r) (i32.const 1)))
        (br $each_resample))))
)
