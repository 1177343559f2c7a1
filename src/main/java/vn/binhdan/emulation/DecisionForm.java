package vn.binhdan.emulation;

import java.time.LocalDate;
import java.util.List;

public record DecisionForm(String number, LocalDate decidedOn, List<Long> proposalIds) {
}
