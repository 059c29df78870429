-- Stored ID-number masks keep only the first 2 and last 2 characters (32**************89), never any
-- of positions 7–14 (the birth date). The old masks kept the first 4 and last 4 (3201**********7489):
-- next to the birth date they left only 2 county digits unknown (docs/adr/0004-personal-data.md).
-- The new mask is computed from the old one, which holds everything it keeps: its first 2 characters,
-- and its last min(2, length − 14) characters (none for 14 characters or fewer; 8 or fewer were all
-- asterisks and stay so). Only masks still in the old form (characters 3–4 shown) are rewritten, so the
-- statements are safe to run on masks written by the new code. Same rule as platform/crypto/mask.ts.

update member set id_number_masked = left(id_number_masked, 2)
    || repeat('*', length(id_number_masked) - 2 - least(2, greatest(0, length(id_number_masked) - 14)))
    || right(id_number_masked, least(2, greatest(0, length(id_number_masked) - 14)))
  where length(id_number_masked) > 8 and substr(id_number_masked, 3, 2) <> '**';

-- the receiving side's snapshot of a transfer
update transfer set member_id_number_masked = left(member_id_number_masked, 2)
    || repeat('*', length(member_id_number_masked) - 2 - least(2, greatest(0, length(member_id_number_masked) - 14)))
    || right(member_id_number_masked, least(2, greatest(0, length(member_id_number_masked) - 14)))
  where length(member_id_number_masked) > 8 and substr(member_id_number_masked, 3, 2) <> '**';

-- the destination side's snapshot of a floating registration
update floating_member set member_id_number_masked = left(member_id_number_masked, 2)
    || repeat('*', length(member_id_number_masked) - 2 - least(2, greatest(0, length(member_id_number_masked) - 14)))
    || right(member_id_number_masked, least(2, greatest(0, length(member_id_number_masked) - 14)))
  where length(member_id_number_masked) > 8 and substr(member_id_number_masked, 3, 2) <> '**';
