//! Downloadable products' links and samples, as `LinkRepository` and `SampleRepository` keep
//! them.
//!
//! Sources (magento2 2.4.8, vendor/magento/module-downloadable/...):
//! - `Model/LinkRepository.php::save` and `Model/SampleRepository.php::save`: an id must name a
//!   link (sample) of this product (404, then 400); a new one needs a downloadable product;
//!   then the type (`url` or `file`), the content (`Link\ContentValidator`: price, number of
//!   downloads and sort order must be given and not negative; `Sample\ContentValidator`: the
//!   sort order), the URL or file ([`check_resource`]) and last the title (PHP's `empty()`, so
//!   "0" is no title).
//! - What is written (`saveLink`/`saveSample`, then `TypeHandler\Link`/`Sample::saveItem`): a
//!   model built from the posted fields and saved, and a save writes only the columns the model
//!   holds (`AbstractResource::_prepareDataForTable` keeps fields `hasData` finds). So an update
//!   keeps what it does not name: a `url` link or sample keeps its old file, a `file` one its
//!   old URL, and a link posted without `sample_type` keeps its sample (`Component::write`).
//!   magemu writes the same columns.
//! - Files: posted content is "uploaded" (`File\ContentUploader`, then
//!   `Helper\File::moveFileFromTmp`) to the path Magento would give it ([`KnownFiles::upload`];
//!   the bytes are not kept), under `downloadable/files/links`, `link_samples` or `samples`; a
//!   named file must exist there (`Helper\File::ensureFileInFilesystem`), which for magemu means
//!   a path one of its links or samples already holds.
//! - Product save (`Link\CreateHandler`, `Sample\CreateHandler`, and the update handlers, which
//!   `etc/di.xml` runs samples first): a new downloadable product's links and samples are all
//!   new; an update saves each posted one and then deletes the stored ones not posted, and does
//!   nothing when the posted list is empty or absent (`if ($links && ...)`).
//! - The `downloadable_domains` whitelist of env.php is not emulated (every domain passes).
//! - magemu keeps no store-view titles: `isGlobalScopeContent` false only lets an update leave
//!   the title empty (the store view's is emptied, the global one stays).

use std::collections::{HashMap, HashSet};

use sqlx::SqliteConnection;

use super::product_row;
use crate::amount::Amount;
use crate::db::catalog::{DownloadableLinkRow, DownloadableSampleRow, ProductEntityRow};
use crate::db::{self, Db};
use crate::error::{Error, Phrase, Result};

/// A posted downloadable link.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkInput {
    pub id: Option<i64>,
    pub title: Option<String>,
    pub sort_order: Option<i64>,
    pub is_shareable: Option<i64>,
    pub price: Option<Amount>,
    pub number_of_downloads: Option<i64>,
    pub link_type: Option<String>,
    pub link_file: Option<String>,
    pub link_url: Option<String>,
    pub sample_type: Option<String>,
    pub sample_file: Option<String>,
    pub sample_url: Option<String>,
    /// `link_file_content` / `sample_file_content` (`File\ContentInterface`): the file's
    /// base64 data and its name.
    pub link_file_content: Option<FileContent>,
    pub sample_file_content: Option<FileContent>,
    /// `isGlobalScopeContent` posted false (the repository routes only): an update may then
    /// leave the title empty, which keeps the stored one.
    pub store_view_scope: bool,
}

/// A posted downloadable sample (`Downloadable\Api\Data\SampleInterface`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SampleInput {
    pub id: Option<i64>,
    pub title: Option<String>,
    pub sort_order: Option<i64>,
    pub sample_type: Option<String>,
    pub sample_file: Option<String>,
    pub sample_url: Option<String>,
    pub sample_file_content: Option<FileContent>,
    /// As [`LinkInput::store_view_scope`].
    pub store_view_scope: bool,
}

/// A posted `Magento\Downloadable\Api\Data\File\ContentInterface`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FileContent {
    pub file_data: String,
    pub name: String,
}

/// `Link\ContentValidator` and `Sample\ContentValidator`.
pub const LINK_PRICE: &str = "Link price must have numeric positive value.";
pub const LINK_DOWNLOADS: &str = "Number of downloads must be a positive integer.";
pub const SORT_ORDER: &str = "Sort order must be a positive integer.";
pub const LINK_URL: &str = "Link URL must have valid format.";
pub const SAMPLE_URL: &str = "Sample URL must have valid format.";
pub const LINK_FILE_NOT_FOUND: &str = "Link file not found. Please try again.";
pub const LINK_SAMPLE_FILE_NOT_FOUND: &str = "Link sample file not found. Please try again.";
pub const SAMPLE_FILE_NOT_FOUND: &str = "Sample file not found. Please try again.";
/// `File\ContentValidator`.
pub const FILE_CONTENT_INVALID: &str = "Provided content must be valid base64 encoded data.";
pub const FILE_NAME_FORBIDDEN: &str = "Provided file name contains forbidden characters.";
/// `Framework\File\Uploader::_validateFile` (a `ValidationException`, 400).
pub const DISALLOWED_FILE_TYPE: &str = "Disallowed file type.";
/// `general/file/protected_extensions` (Store/etc/config.xml), which the downloadable uploader's
/// `NotProtectedExtension` validator refuses, compared in lower case.
const PROTECTED_EXTENSIONS: [&str; 24] = [
    "php", "php3", "php4", "php5", "php7", "htaccess", "jsp", "pl", "py", "asp", "aspx", "sh",
    "cgi", "htm", "html", "phtml", "shtml", "phpt", "pht", "phar", "svg", "svgz", "xml", "xhtml",
];
/// `LinkRepository` and `SampleRepository`.
pub const LINK_TYPE_INVALID: &str = "The link type is invalid. Verify and try again.";
pub const LINK_SAMPLE_TYPE_INVALID: &str = "The link sample type is invalid. Verify and try again.";
pub const SAMPLE_TYPE_INVALID: &str =
    "The sample type is invalid. Verify the sample type and try again.";
pub const LINK_TITLE_EMPTY: &str = "The link title is empty. Enter the link title and try again.";
pub const SAMPLE_TITLE_EMPTY: &str = "The sample title is empty. Enter the title and try again.";
pub const NOT_DOWNLOADABLE: &str =
    "The product needs to be the downloadable type. Verify the product and try again.";
pub const LINK_NOT_FOUND: &str =
    "No downloadable link with the provided ID was found. Verify the ID and try again.";
pub const SAMPLE_NOT_FOUND: &str =
    "No downloadable sample with the provided ID was found. Verify the ID and try again.";
pub const LINK_NOT_OF_PRODUCT: &str =
    "The downloadable link isn't related to the product. Verify the link and try again.";
pub const SAMPLE_NOT_OF_PRODUCT: &str =
    "The downloadable sample isn't related to the product. Verify the link and try again.";

/// `LinkRepository::save`'s checks of a link before its resources: the link type, the sample
/// type, then `ContentValidator::isValid`'s price, number of downloads and sort order, which
/// must all be given and not negative.
fn check_link(link: &LinkInput) -> Result<()> {
    if !matches!(link.link_type.as_deref(), Some("url" | "file")) {
        return Err(Error::input(LINK_TYPE_INVALID));
    }
    if link
        .sample_type
        .as_deref()
        .is_some_and(|t| t != "url" && t != "file")
    {
        return Err(Error::input(LINK_SAMPLE_TYPE_INVALID));
    }
    if link
        .price
        .is_none_or(|p| p.decimal().is_sign_negative() && !p.is_zero())
    {
        return Err(Error::input(LINK_PRICE));
    }
    if link.number_of_downloads.is_none_or(|n| n < 0) {
        return Err(Error::input(LINK_DOWNLOADS));
    }
    if link.sort_order.is_none_or(|n| n < 0) {
        return Err(Error::input(SORT_ORDER));
    }
    Ok(())
}

/// `SampleRepository::save`'s checks before the resource: the type, then
/// `Sample\ContentValidator::isValid`'s sort order (`FILTER_VALIDATE_INT`: given, not negative).
fn check_sample(sample: &SampleInput) -> Result<()> {
    if !matches!(sample.sample_type.as_deref(), Some("url" | "file")) {
        return Err(Error::input(SAMPLE_TYPE_INVALID));
    }
    if sample.sort_order.is_none_or(|n| n < 0) {
        return Err(Error::input(SORT_ORDER));
    }
    Ok(())
}

/// One resource of a link or sample: a `url` one must be an absolute `http(s)` URI
/// ([`valid_url`]), else posted content must pass `File\ContentValidator`
/// ([`check_file_content`]), else the named file must be one of magemu's `files`.
/// `errors`: the bad URL's and the missing file's messages.
fn check_resource(
    kind: Option<&str>,
    url: Option<&str>,
    content: Option<&FileContent>,
    file: Option<&String>,
    files: Option<&HashSet<String>>,
    errors: (&'static str, &'static str),
) -> Result<()> {
    if kind == Some("url") {
        if !url.is_some_and(valid_url) {
            return Err(Error::input(errors.0));
        }
    } else if let Some(content) = content {
        check_file_content(content)?;
    } else if !file.is_some_and(|f| files.is_some_and(|files| files.contains(f))) {
        return Err(Error::input(errors.1));
    }
    Ok(())
}

/// The title check both repositories end with: PHP's `empty($title)`, refused unless an
/// update outside the global scope (`updateLink`/`updateSample`: the store view's title is then
/// the global one, which stays).
fn check_title(title: Option<&str>, may_be_empty: bool, message: &'static str) -> Result<()> {
    if !title.is_some_and(crate::php::truthy) && !may_be_empty {
        return Err(Error::input(message));
    }
    Ok(())
}

/// `ContentUploader::upload` of posted content: `Uploader::_validateFile` refuses an extension
/// (PHP's `pathinfo` extension of the posted name) that is protected or holds anything but
/// letters and digits; else the path the file is given ([`KnownFiles::upload`]).
fn upload(known: &mut KnownFiles, content: &FileContent, kind: FileKind) -> Result<String> {
    let base = content.name.rsplit('/').next().unwrap_or(&content.name);
    let extension = base.rsplit_once('.').map_or("", |(_, e)| e);
    if !extension.chars().all(|c| c.is_ascii_alphanumeric())
        || PROTECTED_EXTENSIONS.contains(&extension.to_ascii_lowercase().as_str())
    {
        return Err(Error::input(DISALLOWED_FILE_TYPE));
    }
    Ok(known.upload(&content.name, kind))
}

/// `File\ContentValidator::isValid`.
fn check_file_content(content: &FileContent) -> Result<()> {
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
    use base64::Engine;
    // `base64_decode($data, true)`: white space skipped, the padding optional, any other byte
    // outside the alphabet a failure; then `empty()` of what it gives ("0" is empty to PHP).
    const PHP_STRICT: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new()
            .with_decode_padding_mode(DecodePaddingMode::Indifferent)
            .with_decode_allow_trailing_bits(true),
    );
    let data: Vec<u8> = content
        .file_data
        .bytes()
        .filter(|b| !b" \t\r\n".contains(b))
        .collect();
    match PHP_STRICT.decode(&data) {
        Ok(d) if !d.is_empty() && d != b"0" => {}
        _ => return Err(Error::input(FILE_CONTENT_INVALID)),
    }
    let forbidden = |c: char| "\\/?*:\";<>()|{}".contains(c);
    // `!$fileName`: "0" is no name either.
    if !crate::php::truthy(&content.name) || content.name.contains(forbidden) {
        return Err(Error::input(FILE_NAME_FORBIDDEN));
    }
    Ok(())
}

/// `Framework\Url\Validator::isValid`: Laminas' `Uri` validator with relative URIs refused, then
/// `parse_url`'s scheme compared with `http` and `https` exactly (so `HTTP://` fails). Laminas
/// parses the URI and checks its parts as it sets them: after `//`, user info and host must be
/// RFC 3986's characters (a host: a name, an IPv4 or a bracketed IPv6 address) and a port
/// digits; the path, query and fragment are taken as they are. Without `//` the rest must be a
/// path (`http:/x` passes, `http:` does not).
pub fn valid_url(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    if scheme != "http" && scheme != "https" {
        return false;
    }
    let Some(after) = rest.strip_prefix("//") else {
        return !rest.is_empty();
    };
    let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=".contains(c);
    let escapes_ok = |s: &str| {
        let b = s.as_bytes();
        b.iter().enumerate().all(|(i, &c)| {
            c != b'%'
                || (b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                    && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        })
    };
    let part_ok = |s: &str, extra: &str| {
        escapes_ok(s)
            && s.chars()
                .all(|c| allowed(c) || c == '%' || extra.contains(c))
    };
    let authority = &after[..after.find(['/', '?', '#']).unwrap_or(after.len())];
    let host_port = match authority.rsplit_once('@') {
        Some((user, host)) if part_ok(user, ":") => host,
        Some(_) => return false,
        None => authority,
    };
    let (host, port) = if let Some(bracketed) = host_port.strip_prefix('[') {
        let Some((ip, after_ip)) = bracketed.split_once(']') else {
            return false;
        };
        if ip.is_empty()
            || !ip
                .chars()
                .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        {
            return false;
        }
        match after_ip.strip_prefix(':') {
            Some(port) => ("[ip]", port),
            None if after_ip.is_empty() => ("[ip]", ""),
            None => return false,
        }
    } else {
        host_port.rsplit_once(':').unwrap_or((host_port, ""))
    };
    !host.is_empty()
        && (host == "[ip]" || part_ok(host, ""))
        && port.chars().all(|c| c.is_ascii_digit())
}

/// Which of magemu's file directories an upload goes to: `downloadable/files/links`,
/// `link_samples` or `samples`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum FileKind {
    Link,
    LinkSample,
    Sample,
}

/// magemu's "files": the paths its links and samples hold, by directory, read once for a save,
/// with the uploads it makes added.
#[derive(Default)]
struct KnownFiles {
    taken: HashMap<FileKind, HashSet<String>>,
    /// The next `_N` suffix to try for a path (a run of uploads of one name is not walked
    /// from the start each time).
    next: HashMap<(FileKind, String), usize>,
}

impl KnownFiles {
    async fn read(conn: &mut SqliteConnection) -> Result<KnownFiles> {
        let links: Vec<(Option<String>, Option<String>)> =
            sqlx::query_as("SELECT link_file, sample_file FROM downloadable_link")
                .fetch_all(&mut *conn)
                .await?;
        let samples: Vec<Option<String>> =
            sqlx::query_scalar("SELECT sample_file FROM downloadable_sample")
                .fetch_all(&mut *conn)
                .await?;
        let mut known = KnownFiles::default();
        for (link, sample) in links {
            known.add(FileKind::Link, link);
            known.add(FileKind::LinkSample, sample);
        }
        for sample in samples {
            known.add(FileKind::Sample, sample);
        }
        Ok(known)
    }

    fn add(&mut self, kind: FileKind, path: Option<String>) {
        self.taken.entry(kind).or_default().extend(path);
    }

    fn files(&self, kind: FileKind) -> Option<&HashSet<String>> {
        self.taken.get(&kind)
    }

    /// Where `ContentUploader` (then `Helper\File::moveFileFromTmp`) puts an uploaded file:
    /// its name made safe (`Uploader::getCorrectFileName`: leading dots dropped, each run of
    /// anything but letters, digits, `_`, `-` and `.` as one `_`, an all-`_` name `file`) and
    /// lower-cased (`correctFileNameCase`: case-insensitive names are the default), under the
    /// dispersion path of its first two characters (`/i/m/image.jpg`, a dot as `_`), with `_1`,
    /// `_2`, ... before the extension while the path is taken (`getNewFileName`).
    fn upload(&mut self, name: &str, kind: FileKind) -> String {
        let mut safe = String::new();
        let mut in_run = false;
        for c in name.trim_start_matches('.').chars() {
            if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                safe.push(c.to_ascii_lowercase());
                in_run = false;
            } else if !in_run {
                safe.push('_');
                in_run = true;
            }
        }
        let (stem, extension) = match safe.rfind('.') {
            Some(i) => (safe[..i].to_owned(), Some(safe[i + 1..].to_owned())),
            None => (safe.clone(), None),
        };
        let stem = if stem.chars().all(|c| c == '_') {
            "file".to_owned()
        } else {
            stem
        };
        let dispersion: String = stem
            .chars()
            .chain(
                extension
                    .iter()
                    .flat_map(|e| std::iter::once('.').chain(e.chars())),
            )
            .take(2)
            .map(|c| format!("/{}", if c == '.' { '_' } else { c }))
            .collect();
        let file = |suffix: usize| {
            let stem = if suffix == 0 {
                stem.clone()
            } else {
                format!("{stem}_{suffix}")
            };
            match &extension {
                Some(e) => format!("{dispersion}/{stem}.{e}"),
                None => format!("{dispersion}/{stem}"),
            }
        };
        let first = (kind, file(0));
        let taken = self.taken.entry(kind).or_default();
        let mut n = self.next.get(&first).copied().unwrap_or(0);
        let mut path = file(n);
        while taken.contains(&path) {
            n += 1;
            path = file(n);
        }
        self.next.insert(first, n + 1);
        taken.insert(path.clone());
        path
    }
}

/// What links and samples share: `LinkRepository` and `SampleRepository` save one the same
/// way, each against its own table.
trait Component: Clone + Send + Sync + 'static {
    type Row: db::Columns
        + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + Default
        + Send
        + Sync
        + Unpin;
    const TABLE: &'static str;
    const KEY: &'static str;
    /// A posted id that names none (404), or another product's (400).
    const NOT_FOUND: &'static str;
    const NOT_OF_PRODUCT: &'static str;
    fn id(&self) -> Option<i64>;
    fn without_id(&self) -> Self;
    /// The product a stored one belongs to.
    fn product_of(row: &Self::Row) -> i64;
    fn new_row(product_id: i64) -> Self::Row;
    /// The repository's checks after the id's (type, content, resource, title), then what
    /// `saveLink`/`saveSample` puts on the model written over `row`: only those columns, so an
    /// update keeps the others (a `url` one its old file, a `file` one its old URL, a null
    /// of a NOT NULL column its old value: `_prepareDataForTable` skips it).
    fn write(&self, row: &mut Self::Row, known: &mut KnownFiles, updating: bool) -> Result<()>;
}

impl Component for LinkInput {
    type Row = DownloadableLinkRow;
    const TABLE: &'static str = "downloadable_link";
    const KEY: &'static str = "link_id";
    const NOT_FOUND: &'static str = LINK_NOT_FOUND;
    const NOT_OF_PRODUCT: &'static str = LINK_NOT_OF_PRODUCT;

    fn id(&self) -> Option<i64> {
        self.id
    }

    fn without_id(&self) -> Self {
        LinkInput {
            id: None,
            ..self.clone()
        }
    }

    fn product_of(row: &DownloadableLinkRow) -> i64 {
        row.product_id
    }

    fn new_row(product_id: i64) -> DownloadableLinkRow {
        DownloadableLinkRow {
            product_id,
            ..Default::default()
        }
    }

    fn write(
        &self,
        row: &mut DownloadableLinkRow,
        known: &mut KnownFiles,
        updating: bool,
    ) -> Result<()> {
        check_link(self)?;
        let (link_file, sample_file) = link_files(self, known, updating)?;
        row.link_type = self.link_type.clone();
        row.sort_order = self.sort_order.unwrap_or(0);
        if self.title.as_deref().is_some_and(crate::php::truthy) {
            row.title = self.title.clone();
        }
        // `setDataToModel`: a null price is 0. A null `is_shareable` is not written (NOT NULL:
        // a new link's is the column's default, 0).
        row.price = self.price.unwrap_or_default();
        row.number_of_downloads = self.number_of_downloads;
        if let Some(shareable) = self.is_shareable {
            row.is_shareable = shareable;
        }
        match self.link_type.as_deref() {
            Some("url") => row.link_url = self.link_url.clone(),
            _ => row.link_file = link_file,
        }
        match self.sample_type.as_deref() {
            Some("file") => {
                row.sample_type = self.sample_type.clone();
                row.sample_file = sample_file;
            }
            Some("url") => {
                row.sample_type = self.sample_type.clone();
                // `TypeHandler\Link::setFiles`: an empty URL is not written.
                if self.sample_url.as_deref().is_some_and(|u| !u.is_empty()) {
                    row.sample_url = self.sample_url.clone();
                }
            }
            _ => {}
        }
        Ok(())
    }
}

impl Component for SampleInput {
    type Row = DownloadableSampleRow;
    const TABLE: &'static str = "downloadable_sample";
    const KEY: &'static str = "sample_id";
    const NOT_FOUND: &'static str = SAMPLE_NOT_FOUND;
    const NOT_OF_PRODUCT: &'static str = SAMPLE_NOT_OF_PRODUCT;

    /// `SampleRepository::save`: `if ($sampleId)`, so an id of 0 is a new sample (a link's 0
    /// is looked up, `!== null`, and not found).
    fn id(&self) -> Option<i64> {
        self.id.filter(|&id| id != 0)
    }

    fn without_id(&self) -> Self {
        SampleInput {
            id: None,
            ..self.clone()
        }
    }

    fn product_of(row: &DownloadableSampleRow) -> i64 {
        row.product_id
    }

    fn new_row(product_id: i64) -> DownloadableSampleRow {
        DownloadableSampleRow {
            product_id,
            ..Default::default()
        }
    }

    fn write(
        &self,
        row: &mut DownloadableSampleRow,
        known: &mut KnownFiles,
        updating: bool,
    ) -> Result<()> {
        check_sample(self)?;
        let file = sample_file(self, known, updating)?;
        row.sample_type = self.sample_type.clone();
        row.sort_order = self.sort_order.unwrap_or(0);
        if self.title.as_deref().is_some_and(crate::php::truthy) {
            row.title = self.title.clone();
        }
        match self.sample_type.as_deref() {
            Some("url") => row.sample_url = self.sample_url.clone(),
            _ => row.sample_file = file,
        }
        Ok(())
    }
}

/// The link's resources checked (`Link\ContentValidator::validateLinkResource`, then
/// `validateSampleResource` when a sample type is posted), then its title; its files uploaded.
/// Returns the paths of its link file and sample file as the save writes them (a posted file
/// name as it is, `Helper\File::moveFileFromTmp` of an `old` file).
fn link_files(
    link: &LinkInput,
    known: &mut KnownFiles,
    updating: bool,
) -> Result<(Option<String>, Option<String>)> {
    check_resource(
        link.link_type.as_deref(),
        link.link_url.as_deref(),
        link.link_file_content.as_ref(),
        link.link_file.as_ref(),
        known.files(FileKind::Link),
        (LINK_URL, LINK_FILE_NOT_FOUND),
    )?;
    if link.sample_type.is_some() {
        check_resource(
            link.sample_type.as_deref(),
            link.sample_url.as_deref(),
            link.sample_file_content.as_ref(),
            link.sample_file.as_ref(),
            known.files(FileKind::LinkSample),
            (SAMPLE_URL, LINK_SAMPLE_FILE_NOT_FOUND),
        )?;
    }
    let may_be_empty = updating && link.store_view_scope;
    check_title(link.title.as_deref(), may_be_empty, LINK_TITLE_EMPTY)?;
    let link_file = match &link.link_file_content {
        Some(content) if link.link_type.as_deref() == Some("file") => {
            Some(upload(known, content, FileKind::Link)?)
        }
        _ => link.link_file.clone(),
    };
    let sample_file = match &link.sample_file_content {
        Some(content) if link.sample_type.as_deref() == Some("file") => {
            Some(upload(known, content, FileKind::LinkSample)?)
        }
        _ => link.sample_file.clone(),
    };
    Ok((link_file, sample_file))
}

/// `Sample\ContentValidator::validateSampleResource`, then the title; the file uploaded.
fn sample_file(
    sample: &SampleInput,
    known: &mut KnownFiles,
    updating: bool,
) -> Result<Option<String>> {
    check_resource(
        sample.sample_type.as_deref(),
        sample.sample_url.as_deref(),
        sample.sample_file_content.as_ref(),
        sample.sample_file.as_ref(),
        known.files(FileKind::Sample),
        (SAMPLE_URL, SAMPLE_FILE_NOT_FOUND),
    )?;
    let may_be_empty = updating && sample.store_view_scope;
    check_title(sample.title.as_deref(), may_be_empty, SAMPLE_TITLE_EMPTY)?;
    Ok(match &sample.sample_file_content {
        Some(content) if sample.sample_type.as_deref() == Some("file") => {
            Some(upload(known, content, FileKind::Sample)?)
        }
        _ => sample.sample_file.clone(),
    })
}

/// The repository's save of one link or sample on a stored product: one with an id must exist
/// (404) and be the product's (400); one without is added to a downloadable product. Its id.
async fn save_in<C: Component>(
    conn: &mut SqliteConnection,
    product: &ProductEntityRow,
    posted: &C,
    known: &mut KnownFiles,
) -> Result<i64> {
    match posted.id() {
        Some(id) => {
            let stored: Option<C::Row> =
                sqlx::query_as(&format!("SELECT * FROM {} WHERE {} = ?", C::TABLE, C::KEY))
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await?;
            let mut row = stored.ok_or_else(|| Error::NotFound(Phrase::plain(C::NOT_FOUND)))?;
            if C::product_of(&row) != product.entity_id {
                return Err(Error::input(C::NOT_OF_PRODUCT));
            }
            posted.write(&mut row, known, true)?;
            db::update(conn, C::TABLE, C::KEY, &row).await?;
            Ok(id)
        }
        None => {
            if product.type_id != "downloadable" {
                return Err(Error::input(NOT_DOWNLOADABLE));
            }
            let mut row = C::new_row(product.entity_id);
            posted.write(&mut row, known, false)?;
            Ok(db::insert(conn, C::TABLE, C::KEY, &row).await?)
        }
    }
}

/// A repository's own save route (POST and PUT): the saved one's id.
async fn save<C: Component>(db: &Db, sku: String, posted: C) -> Result<i64> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let product = product_row(conn, &sku).await?;
                let mut known = KnownFiles::read(&mut *conn).await?;
                save_in(conn, &product, &posted, &mut known).await
            })
        })
        .await
}

/// `POST /V1/products/{sku}/downloadable-links` and its PUT: the link's id.
pub async fn save_link(db: &Db, sku: String, link: LinkInput) -> Result<i64> {
    save(db, sku, link).await
}

/// `POST /V1/products/{sku}/downloadable-links/samples` and its PUT: the sample's id.
pub async fn save_sample(db: &Db, sku: String, sample: SampleInput) -> Result<i64> {
    save(db, sku, sample).await
}

/// `LinkRepository::delete`.
pub async fn delete_link(db: &Db, id: i64) -> Result<()> {
    delete::<LinkInput>(db, id).await
}

/// `SampleRepository::delete`.
pub async fn delete_sample(db: &Db, id: i64) -> Result<()> {
    delete::<SampleInput>(db, id).await
}

async fn delete<C: Component>(db: &Db, id: i64) -> Result<()> {
    db.writer
        .write(move |conn| {
            Box::pin(async move {
                let deleted =
                    sqlx::query(&format!("DELETE FROM {} WHERE {} = ?", C::TABLE, C::KEY))
                        .bind(id)
                        .execute(&mut *conn)
                        .await?
                        .rows_affected();
                if deleted == 0 {
                    return Err(Error::NotFound(Phrase::plain(C::NOT_FOUND)));
                }
                Ok(())
            })
        })
        .await
}

/// A product save's posted links and samples (`None`: the key was not posted).
pub struct Posted<'a> {
    pub links: Option<&'a [LinkInput]>,
    pub samples: Option<&'a [SampleInput]>,
}

/// The create and update handlers of a downloadable product's save: on a new product
/// `Link\CreateHandler` then `Sample\CreateHandler` save every posted one as new; on an update
/// the two `UpdateHandler`s run samples first, as `etc/di.xml` lists them ([`replace`]).
pub async fn save_for_product(
    conn: &mut SqliteConnection,
    product: &ProductEntityRow,
    posted: Posted<'_>,
    is_new: bool,
) -> Result<()> {
    let links = posted.links.unwrap_or_default();
    let samples = posted.samples.unwrap_or_default();
    if links.is_empty() && samples.is_empty() {
        return Ok(());
    }
    let mut known = KnownFiles::read(&mut *conn).await?;
    if is_new {
        for link in links {
            save_in(conn, product, &link.without_id(), &mut known).await?;
        }
        for sample in samples {
            save_in(conn, product, &sample.without_id(), &mut known).await?;
        }
        return Ok(());
    }
    replace(conn, product, samples, &mut known).await?;
    replace(conn, product, links, &mut known).await
}

/// `Link\UpdateHandler` / `Sample\UpdateHandler`: each posted one saved through the repository,
/// then the stored ones not posted deleted; nothing at all when none is posted
/// (`if ($links && ...)`).
async fn replace<C: Component>(
    conn: &mut SqliteConnection,
    product: &ProductEntityRow,
    posted: &[C],
    known: &mut KnownFiles,
) -> Result<()> {
    if posted.is_empty() {
        return Ok(());
    }
    let stored: Vec<i64> = sqlx::query_scalar(&format!(
        "SELECT {} FROM {} WHERE product_id = ?",
        C::KEY,
        C::TABLE
    ))
    .bind(product.entity_id)
    .fetch_all(&mut *conn)
    .await?;
    let kept: Vec<i64> = posted.iter().filter_map(C::id).collect();
    for one in posted {
        save_in(conn, product, one, known).await?;
    }
    for old in stored.iter().filter(|id| !kept.contains(id)) {
        sqlx::query(&format!("DELETE FROM {} WHERE {} = ?", C::TABLE, C::KEY))
            .bind(old)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploads_are_named_as_magentos_uploader_names_them() {
        let mut known = KnownFiles::default();
        known
            .taken
            .insert(FileKind::Link, ["/i/m/image.jpg".to_owned()].into());
        assert_eq!(
            known.upload("Image.JPG", FileKind::Link),
            "/i/m/image_1.jpg"
        );
        assert_eq!(
            known.upload("image.jpg", FileKind::Link),
            "/i/m/image_2.jpg"
        );
        assert_eq!(
            known.upload("image.jpg", FileKind::LinkSample),
            "/i/m/image.jpg"
        );
        assert_eq!(
            known.upload("my_ file!!.pdf", FileKind::Link),
            "/m/y/my__file_.pdf"
        );
        assert_eq!(known.upload("..%%.txt", FileKind::Link), "/f/i/file.txt");
        assert_eq!(known.upload(".x", FileKind::Link), "/x/x");
    }

    #[test]
    fn urls_are_checked_as_laminas_and_parse_url_check_them() {
        for good in [
            "http://a.b",
            "https://u:p@a.b:1/x y?%zz#q#r",
            "http://[::1]",
            "http:/x",
        ] {
            assert!(valid_url(good), "{good}");
        }
        for bad in [
            "HTTP://a.b",
            "ftp://a.b",
            "http:",
            "http://",
            "http://a<b",
            "http://a.b:x",
            "a.b",
        ] {
            assert!(!valid_url(bad), "{bad}");
        }
    }
}
