//! The server loop: initialize, the open documents, requests and
//! notifications, shutdown.

use super::document::Document;
use super::{features, uri};
use crate::LoadErrors;
use crate::analysis::{DEFAULT_LANG, Overrides, Settings, SettingsResolver};
use crate::i18n::Lang;
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidCloseTextDocument, DidOpenTextDocument, DidSaveTextDocument,
    Notification as _, PublishDiagnostics,
};
use lsp_types::request::{
    CodeActionRequest, Completion, DocumentSymbolRequest, GotoDefinition, HoverRequest, References,
    Request as _,
};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionProviderCapability,
    CompletionOptions, CompletionResponse, DocumentSymbolResponse, GotoDefinitionResponse,
    HoverProviderCapability, InitializeParams, OneOf, PublishDiagnosticsParams, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Uri,
};
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug)]
pub struct ServerError(pub String);

impl fmt::Display for ServerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ServerError {}

impl From<lsp_server::ProtocolError> for ServerError {
    fn from(e: lsp_server::ProtocolError) -> ServerError {
        ServerError(e.to_string())
    }
}

/// What the server offers.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::FULL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        references_provider: Some(OneOf::Left(true)),
        document_symbol_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec!["[".into(), ",".into(), "-".into()]),
            ..CompletionOptions::default()
        }),
        ..ServerCapabilities::default()
    }
}

/// Serves the language server protocol over stdin and stdout until the
/// client shuts it down. `overrides` are the command line's (`--lang`,
/// `--config`, …); the client's `initializationOptions` may add `lang` and
/// `config`.
pub fn serve_stdio(overrides: Overrides) -> Result<(), ServerError> {
    let (connection, io) = Connection::stdio();
    let result = run(&connection, overrides);
    drop(connection);
    io.join().map_err(|e| ServerError(e.to_string()))?;
    result
}

/// Serves the protocol on `connection` (stdio, or
/// [`Connection::memory`] in tests): initialize, then every message until
/// `shutdown` and `exit`.
pub fn run(connection: &Connection, overrides: Overrides) -> Result<(), ServerError> {
    let capabilities =
        serde_json::to_value(capabilities()).map_err(|e| ServerError(e.to_string()))?;
    let (id, params) = connection.initialize_start()?;
    let params: Option<InitializeParams> = serde_json::from_value(params).ok();
    let overrides = with_init_options(overrides, params.as_ref());
    let result = serde_json::json!({
        "capabilities": capabilities,
        "serverInfo": ServerInfo {
            name: "tthc".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    connection.initialize_finish(id, result)?;
    let mut server = Server::new(overrides);
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection.handle_shutdown(&request)? {
                    return Ok(());
                }
                let response = server.request(request);
                send(connection, response.into())?;
            }
            Message::Notification(n) => {
                if n.method == "exit" {
                    return Ok(());
                }
                for out in server.notification(n) {
                    send(connection, out.into())?;
                }
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

fn send(connection: &Connection, message: Message) -> Result<(), ServerError> {
    connection
        .sender
        .send(message)
        .map_err(|e| ServerError(e.to_string()))
}

/// `lang` and `config` from the client's `initializationOptions`, under the
/// command line's.
fn with_init_options(mut o: Overrides, params: Option<&InitializeParams>) -> Overrides {
    let options = params.and_then(|p| p.initialization_options.as_ref());
    if o.lang.is_none() {
        o.lang = options
            .and_then(|v| v.get("lang"))
            .and_then(|v| v.as_str())
            .and_then(|s| s.parse::<Lang>().ok());
    }
    if o.config.is_none() {
        o.config = options
            .and_then(|v| v.get("config"))
            .and_then(|v| v.as_str())
            .map(Into::into);
    }
    o
}

/// The state between messages: the open documents and the settings of
/// their folders.
#[derive(Debug)]
pub struct Server {
    overrides: Overrides,
    resolver: SettingsResolver,
    /// By URI text (`Uri` hashes by its text too, but holds cells).
    documents: HashMap<String, Document>,
}

impl Server {
    /// A server with no open document.
    pub fn new(overrides: Overrides) -> Server {
        Server {
            resolver: SettingsResolver::new(overrides.clone()),
            overrides,
            documents: HashMap::new(),
        }
    }

    /// An open document.
    pub fn document(&self, uri: &Uri) -> Option<&Document> {
        self.documents.get(uri.as_str())
    }

    fn settings(&mut self, path: &Path) -> Result<Arc<Settings>, (LoadErrors, Lang)> {
        let result = if path.is_absolute() {
            self.resolver.for_file(path)
        } else {
            self.resolver.global()
        };
        result.map_err(|e| (e, self.overrides.lang.unwrap_or(DEFAULT_LANG)))
    }

    /// Opens or replaces a document and returns its diagnostics to publish.
    pub fn open(&mut self, uri: Uri, version: i32, text: String) -> Notification {
        let path = uri::to_path(&uri);
        let settings = self.settings(&path);
        let doc = Document::new(uri.clone(), path, version, text, settings);
        let out = publish(&doc);
        self.documents.insert(uri.as_str().to_string(), doc);
        out
    }

    /// Answers one request (an error response for a malformed one, or one
    /// whose handling failed: the server goes on).
    pub fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let answer =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.answer(request)));
        match answer {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err(response)) => response,
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                "internal error while answering the request".into(),
            ),
        }
    }

    fn answer(&mut self, request: Request) -> Result<serde_json::Value, Response> {
        let id = request.id.clone();
        let json = |v: Result<serde_json::Value, serde_json::Error>| {
            v.map_err(|e| {
                Response::new_err(id.clone(), ErrorCode::InternalError as i32, e.to_string())
            })
        };
        let docs = &self.documents;
        // Hover, definition and completion share their position parameters.
        let at = |r: &Request| {
            params::<lsp_types::TextDocumentPositionParams>(r)
                .map(|p| (docs.get(p.text_document.uri.as_str()), p.position))
        };
        let value = match request.method.as_str() {
            HoverRequest::METHOD => {
                let (doc, position) = at(&request)?;
                serde_json::to_value(doc.and_then(|d| features::hover(d, position)))
            }
            GotoDefinition::METHOD => {
                let (doc, position) = at(&request)?;
                let found = doc.and_then(|d| features::definition(d, position));
                serde_json::to_value(found.map(GotoDefinitionResponse::Scalar))
            }
            Completion::METHOD => {
                let (doc, position) = at(&request)?;
                let found = doc.map(|d| features::completion(d, position));
                serde_json::to_value(found.map(CompletionResponse::Array))
            }
            References::METHOD => {
                let p: lsp_types::ReferenceParams = params(&request)?;
                let d = &p.text_document_position;
                let found = docs.get(d.text_document.uri.as_str()).map(|doc| {
                    features::references(doc, d.position, p.context.include_declaration)
                });
                serde_json::to_value(found)
            }
            CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = params(&request)?;
                let wanted = p.context.only.as_ref().is_none_or(|only| {
                    only.iter()
                        .any(|k| CodeActionKind::QUICKFIX.as_str().starts_with(k.as_str()))
                });
                let found = docs
                    .get(p.text_document.uri.as_str())
                    .filter(|_| wanted)
                    .map(|doc| features::code_actions(doc, p.range))
                    .unwrap_or_default();
                let found: Vec<CodeActionOrCommand> = found
                    .into_iter()
                    .map(CodeActionOrCommand::CodeAction)
                    .collect();
                serde_json::to_value(found)
            }
            DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = params(&request)?;
                let found = docs
                    .get(p.text_document.uri.as_str())
                    .map(features::symbols);
                serde_json::to_value(found.map(DocumentSymbolResponse::Nested))
            }
            other => {
                return Err(Response::new_err(
                    request.id.clone(),
                    ErrorCode::MethodNotFound as i32,
                    format!("unknown method {other}"),
                ));
            }
        };
        json(value)
    }

    /// Handles one notification; returns the notifications to send (the
    /// diagnostics of the documents it changed).
    pub fn notification(&mut self, n: Notification) -> Vec<Notification> {
        let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| self.notify(n)));
        handled.unwrap_or_default()
    }

    fn notify(&mut self, n: Notification) -> Vec<Notification> {
        use lsp_types::{
            DidChangeTextDocumentParams as Change, DidCloseTextDocumentParams as Close,
            DidOpenTextDocumentParams as Open, DidSaveTextDocumentParams as Save,
        };
        let Notification { method, params } = n;
        let out = match method.as_str() {
            DidOpenTextDocument::METHOD => from::<Open>(params).map(|p| {
                let d = p.text_document;
                vec![self.open(d.uri, d.version, d.text)]
            }),
            // Full sync: the last change holds the whole text.
            DidChangeTextDocument::METHOD => from::<Change>(params).and_then(|p| {
                let change = p.content_changes.into_iter().last()?;
                let d = p.text_document;
                Some(vec![self.open(d.uri, d.version, change.text)])
            }),
            DidSaveTextDocument::METHOD => {
                from::<Save>(params).map(|p| self.saved(&p.text_document.uri))
            }
            DidCloseTextDocument::METHOD => from::<Close>(params).map(|p| {
                self.documents.remove(p.text_document.uri.as_str());
                vec![Notification::new(
                    PublishDiagnostics::METHOD.into(),
                    PublishDiagnosticsParams {
                        uri: p.text_document.uri,
                        diagnostics: Vec::new(),
                        version: None,
                    },
                )]
            }),
            _ => None,
        };
        out.unwrap_or_default()
    }

    /// After a save: a saved configuration or cost basis changes the
    /// settings of every open document (all are read again); any other
    /// file is read again alone.
    fn saved(&mut self, uri: &Uri) -> Vec<Notification> {
        let Some(doc) = self.documents.get(uri.as_str()) else {
            return Vec::new();
        };
        // Full sync: a saved procedure's text is what its last change
        // already analysed; only a saved setting changes other documents.
        if !matches!(
            doc.kind,
            super::FileKind::Config | super::FileKind::CostBasis
        ) {
            return Vec::new();
        }
        self.resolver = SettingsResolver::new(self.overrides.clone());
        let targets: Vec<String> = self.documents.keys().cloned().collect();
        let mut out = Vec::new();
        for t in targets {
            if let Some(doc) = self.documents.remove(&t) {
                out.push(self.open(doc.uri, doc.version, doc.text));
            }
        }
        out
    }
}

/// The `publishDiagnostics` notification of a document.
pub fn publish(doc: &Document) -> Notification {
    Notification::new(
        PublishDiagnostics::METHOD.into(),
        PublishDiagnosticsParams {
            uri: doc.uri.clone(),
            diagnostics: doc.diagnostics.clone(),
            version: Some(doc.version),
        },
    )
}

/// The parameters of a notification (`None` when malformed: notifications
/// get no answer).
fn from<P: DeserializeOwned>(params: serde_json::Value) -> Option<P> {
    serde_json::from_value(params).ok()
}

fn params<P: DeserializeOwned>(request: &Request) -> Result<P, Response> {
    serde_json::from_value(request.params.clone()).map_err(|e| invalid(request.id.clone(), &e))
}

fn invalid(id: RequestId, e: &serde_json::Error) -> Response {
    Response::new_err(
        id,
        ErrorCode::InvalidParams as i32,
        format!("invalid parameters: {e}"),
    )
}
