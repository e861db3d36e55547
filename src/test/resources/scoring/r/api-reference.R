# Reference values from R's survey package (T. Lumley) for org.minyi.scoring.estimation tests.
# Run once: Rscript api-reference.R   (Debian: apt-get install r-cran-survey)
# Writes apistrat.csv, apiclus1.csv (the package's public example data, the columns we use) and
# expected.csv (estimates and standard errors printed with 15 significant digits).
suppressMessages(library(survey))
data(api)
cols <- c("cds", "stype", "dnum", "snum", "pw", "fpc", "api00", "api99", "enroll", "sch.wide")
write.csv(apistrat[, cols], "apistrat.csv", row.names = FALSE)
write.csv(apiclus1[, cols], "apiclus1.csv", row.names = FALSE)

dstrat <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat, fpc = ~fpc)
dclus1 <- svydesign(id = ~dnum, weights = ~pw, data = apiclus1, fpc = ~fpc)
dstrat_nofpc <- svydesign(id = ~1, strata = ~stype, weights = ~pw, data = apistrat)
dclus1_derived <- svydesign(id = ~dnum, data = apiclus1, fpc = ~fpc)

rows <- list()
add <- function(case, est) {
  rows[[length(rows) + 1]] <<- data.frame(case = case, estimate = format(coef(est)[[1]], digits = 15),
                                          se = format(SE(est)[[1]], digits = 15))
}
add("strat.mean.api00", svymean(~api00, dstrat))
add("strat.total.enroll", svytotal(~enroll, dstrat))
add("strat.nofpc.mean.api00", svymean(~api00, dstrat_nofpc))
add("clus1.mean.api00", svymean(~api00, dclus1))
add("clus1.total.enroll", svytotal(~enroll, dclus1))
add("clus1.derived.mean.api00", svymean(~api00, dclus1_derived))
for (type in c("E", "H", "M")) {
  by <- svyby(~api00, ~stype, dstrat, svymean)
  rows[[length(rows) + 1]] <- data.frame(case = paste0("strat.by.stype.", type, ".mean.api00"),
                                         estimate = format(by[type, "api00"], digits = 15),
                                         se = format(SE(by)[which(by$stype == type)], digits = 15))
  byc <- svyby(~api00, ~stype, dclus1, svymean)
  rows[[length(rows) + 1]] <- data.frame(case = paste0("clus1.by.stype.", type, ".mean.api00"),
                                         estimate = format(byc[type, "api00"], digits = 15),
                                         se = format(SE(byc)[which(byc$stype == type)], digits = 15))
}
# a rate: share of schools meeting their school-wide growth target
add("strat.mean.schwide", svymean(~I(as.numeric(sch.wide == "Yes")), dstrat))
# rates with the logit interval (quasibinomial intercept, t quantile on the design's degrees of freedom)
ciprop <- function(case, design) {
  ci <- svyciprop(~I(sch.wide == "Yes"), design, method = "logit")
  rows[[length(rows) + 1]] <<- data.frame(case = paste0(case, ".lower"), estimate = format(attr(ci, "ci")[[1]], digits = 15), se = "0")
  rows[[length(rows) + 1]] <<- data.frame(case = paste0(case, ".upper"), estimate = format(attr(ci, "ci")[[2]], digits = 15), se = "0")
  rows[[length(rows) + 1]] <<- data.frame(case = paste0(case, ".degf"), estimate = format(degf(design), digits = 15), se = "0")
}
ciprop("strat.ciprop.schwide", dstrat)
ciprop("clus1.ciprop.schwide", dclus1)
# a composite: half api00, half api99, with the SE of the combined linearisation
add("strat.composite.api", svycontrast(svymean(~api00 + api99, dstrat), c(api00 = 0.5, api99 = 0.5)))
add("clus1.composite.api", svycontrast(svymean(~api00 + api99, dclus1), c(api00 = 0.5, api99 = 0.5)))
# calibration: raking to school type and school-wide target margins (population counts from apipop),
# and post-stratification to school type, both with calibrate()'s GREG residual variance
rk <- calibrate(dclus1, ~stype + sch.wide, population = c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018, sch.wideYes = 5122),
                calfun = "raking", epsilon = 1e-12, maxit = 100)
add("clus1.raked.mean.api00", svymean(~api00, rk))
add("clus1.raked.total.enroll", svytotal(~enroll, rk))
ps <- calibrate(dclus1, ~stype, population = c(`(Intercept)` = 6194, stypeH = 755, stypeM = 1018), calfun = "raking")
add("clus1.poststratified.mean.api00", svymean(~api00, ps))
psr <- postStratify(dclus1, ~stype, data.frame(stype = c("E", "H", "M"), Freq = c(4421, 755, 1018)))
add("clus1.poststratify.mean.api00", svymean(~api00, psr))
write.csv(do.call(rbind, rows), "expected.csv", row.names = FALSE)
