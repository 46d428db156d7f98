package org.lacrima.core.agreement;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The largest kappa two coders could reach with the marginals they have (Cohen 1960): agreement can at
 * most be Σ min(row, column) share per value ("Ao_max"), so kappa_max = (Ao_max − Ae) / (1 − Ae). Read
 * beside kappa, it tells how much of the shortfall is the coders' different use of the values.
 */
public final class CohenKappaMaximum extends PairTableMeasure {

  public static final String NAME = "cohen_kappa_max";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  Estimate estimate(AgreementTable table, ReliabilityData data) {
    Map<String, Double> parts = table.unitParts();
    double reachable = 0;
    for (int a = 0; a < table.size(); a++) {
      reachable += Math.min(table.rowTotal(a), table.columnTotal(a));
    }
    double maximum = reachable / table.total();
    Estimate kappa = ChanceCorrected.of(NAME, maximum, table.ownMarginalsChance(), parts);
    Map<String, Double> renamed = new LinkedHashMap<>(kappa.parts());
    renamed.remove("Ao");
    renamed.put("Ao_max", maximum);
    return new Estimate(NAME, kappa.value(), kappa.undefinedBecause(), renamed, kappa.standardError());
  }
}
