package org.dataembassy.portal.transfers.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import org.dataembassy.portal.api.ApiController;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.transfers.CrossBorderTransfers;
import org.dataembassy.portal.transfers.TransferRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Cross-border transfers over the API, as a register's nightly job uses them: a data owner asks to replicate one of
 * their ACTIVE datasets to an embassy site and follows it until COMPLETED, with its evidence (the verified snapshot
 * and bytes sent) or the treaty's reasons. Officers and auditors read everyone's. The same service, role checks and
 * treaty decision as the Transfers page ({@link CrossBorderTransfers}).
 */
@ApiController
@Tag(name = "Transfers", description = "Replication of a dataset to an embassy site, decided by the treaty rules")
@RequestMapping(path = "/api/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
class TransfersController {

    private final CrossBorderTransfers transfers;
    private final CurrentUser user;

    TransfersController(CrossBorderTransfers transfers, CurrentUser user) {
        this.transfers = transfers;
        this.user = user;
    }

    /** Body of a transfer request. */
    record NewTransfer(String datasetId, String site) {
    }

    @Operation(operationId = "listTransfers", summary = "List transfers",
            description = "A data owner's own transfers, newest first; for legal and security officers and auditors the"
                    + " latest 200 of everyone. DATA_OWNER, LEGAL_OFFICER, SECURITY_OFFICER, AUDITOR.")
    @GetMapping
    List<TransferRequest> list() {
        return user.hasRole(Role.DATA_OWNER) ? transfers.mine() : transfers.recent();
    }

    @Operation(operationId = "requestTransfer", summary = "Request a transfer",
            description = "Asks to replicate one of the caller's ACTIVE datasets to an embassy site the dataset's agreement"
                    + " covers. The treaty's transfer rules decide in the workflow that starts (a legal officer reviews where"
                    + " they say so); follow it with GET /api/transfers/{id} until COMPLETED, DENIED or REJECTED. DATA_OWNER.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    TransferRequest request(@RequestBody NewTransfer request) {
        return transfers.request(request.datasetId(), request.site());
    }

    @Operation(operationId = "getTransfer", summary = "Read one transfer",
            description = "Its status, the treaty's reasons, the reviewer's decision and, once COMPLETED, the evidence: the"
                    + " verified snapshot the site holds and the bytes sent. A data owner reads only their own datasets'."
                    + " DATA_OWNER, LEGAL_OFFICER, SECURITY_OFFICER, AUDITOR.")
    @GetMapping("/{id}")
    TransferRequest get(@PathVariable String id) {
        return transfers.find(id);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        return Problems.response(Problems.of(ProblemType.NOT_FOUND, "Unknown transfer", e.getMessage()));
    }
}
