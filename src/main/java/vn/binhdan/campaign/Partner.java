package vn.binhdan.campaign;

import java.time.LocalDate;
import java.util.List;

/** A partner with its commitments, each with what was delivered against what was committed. */
public record Partner(long id, long unitId, String unitName, String name, PartnerKind kind, String contact,
                      List<Commitment> commitments, boolean editable) {

    public record Commitment(long id, CommitmentKind kind, String description, long committed, long delivered,
                             LocalDate startsOn, LocalDate endsOn, Long budgetLineId, String budgetLineTitle,
                             String supportsKind, Long supportsId, List<Delivery> deliveries) {

        /** Delivered as a share of committed, in whole percent (past 100 when more came than promised). */
        public int percent() {
            return committed == 0 ? 0 : (int) Math.round(delivered * 100.0 / committed);
        }

        public long outstanding() {
            return Math.max(0, committed - delivered);
        }
    }

    public record Delivery(long id, LocalDate deliveredOn, long quantity, String documentRef) {
    }

    /** A commitment seen from the budget line it pays into. */
    public record Pledge(long partnerId, String partnerName, CommitmentKind kind, String description, long committed,
                         long delivered) {
    }

    /** Money committed and delivered, in đồng, over the commitments in money. */
    public long moneyCommitted() {
        return commitments.stream().filter(c -> c.kind() == CommitmentKind.MONEY).mapToLong(Commitment::committed).sum();
    }

    public long moneyDelivered() {
        return commitments.stream().filter(c -> c.kind() == CommitmentKind.MONEY).mapToLong(Commitment::delivered).sum();
    }
}
